using Spectre.Console;
using ScoreScope.Experiments;

namespace ScoreScope.Cli.Terminal;

/// <summary>Renders an experiment's outcome on stdout: its tables, its claims (with a count of those that hold) and its notes.</summary>
public static class ExperimentView
{
    /// <summary>Prints the tables, the claims under <paramref name="title"/> and the notes of <paramref name="outcome"/>.</summary>
    public static void Print(CliConsole console, ExperimentOutcome outcome, string title)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(outcome);
        foreach (var table in outcome.Tables) Print(console, table);
        PrintClaims(console, outcome.Claims, title);
        foreach (string line in outcome.Notes) console.Output.WriteLine(line);
    }

    /// <summary>Prints one result table.</summary>
    public static void Print(CliConsole console, ResultTable table)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(table);
        var view = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(table.Title));
        foreach (string column in table.Columns) view.AddColumn(Markup.Escape(column));
        foreach (var row in table.Rows) view.AddRow(row.Select(Markup.Escape).ToArray());
        console.OutputConsole.Write(view);
    }

    /// <summary>Prints the claims as a table, then how many checked claims and findings hold.</summary>
    public static void PrintClaims(CliConsole console, ClaimReport claims, string title)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(claims);
        var rows = claims.Claims.Select(c => (IReadOnlyList<string>)[c.Name, c.Expected, c.Measured, c.Tolerance, (c.Holds, c.Checked) switch
        {
            (true, true) => "yes",
            (false, true) => "NO",
            (true, false) => "yes (finding)",
            (false, false) => "no (finding)",
        }]).ToList();
        Print(console, new ResultTable(title, ["claim", "expected", "measured", "tolerance", "holds"], rows));
        var checkedClaims = claims.Claims.Where(c => c.Checked).ToList();
        var findings = claims.Claims.Where(c => !c.Checked).ToList();
        string findingText = findings.Count == 0 ? "" :
            $" Findings (paper hypotheses, reported, not checked): {findings.Count(c => c.Holds)} of {findings.Count} hold.";
        console.Output.WriteLine($"{checkedClaims.Count(c => c.Holds)} of {checkedClaims.Count} checked claims hold.{findingText}");
    }
}
