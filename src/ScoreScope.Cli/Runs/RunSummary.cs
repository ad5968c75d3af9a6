using ScoreScope.Analysis;
using System.Globalization;
using Spectre.Console;
using ScoreScope.Cli.Terminal;

namespace ScoreScope.Cli.Runs;

/// <summary>Prints where a run's output is and a small table of its metrics (stdout).</summary>
public static class RunSummary
{
    /// <summary>Prints the summary of a sample run written to <paramref name="folder"/>.</summary>
    public static void Print(CliConsole console, SampleRunResult result, string folder, bool seedDrawn)
    {
        var output = console.Output;
        output.WriteLine($"Run written to {folder}");
        output.WriteLine($"  files:   {string.Join(", ", result.Files)}");
        output.WriteLine($"  samples: {string.Join(" × ", result.SampleShape)} {result.Dtype}");
        output.WriteLine($"  seed:    {result.Seed}{(seedDrawn ? " (drawn; recorded in config.json)" : "")}");
        output.WriteLine($"  time:    {result.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s");
        PrintMetrics(console, result.Metrics);
    }

    /// <summary>Prints the metrics table.</summary>
    public static void PrintMetrics(CliConsole console, IReadOnlyList<MetricRow> rows)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("metrics against fresh true samples");
        table.AddColumn("metric");
        table.AddColumn(new TableColumn("value").RightAligned());
        table.AddColumn("detail");
        foreach (var row in rows)
        {
            table.AddRow(Markup.Escape(row.Metric), Markup.Escape(row.Value), Markup.Escape(row.Detail));
        }
        console.OutputConsole.Write(table);
    }
}
