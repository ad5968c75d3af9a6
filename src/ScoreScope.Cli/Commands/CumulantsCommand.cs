using ScoreScope.Runs;
using System.CommandLine;
using System.Globalization;
using System.Text;
using Spectre.Console;
using ScoreScope.Analysis;
using ScoreScope.Cli.Errors;
using ScoreScope.Cli.Runs;
using ScoreScope.Cli.Settings;
using ScoreScope.Cli.Terminal;
using ScoreScope.IO;
using static TorchSharp.torch;

namespace ScoreScope.Cli.Commands;

/// <summary>
/// <c>scorescope cumulants --in FILE</c>: cumulants κ̂_1..κ̂_n (from central moments) and k-statistics k1..k4 of an
/// observable of any data file (.npy/.csv, one sample per row), with blocked-jackknife and block-bootstrap errors
/// and the blocking used; printed as a table and, with <c>--out</c>, written to a run folder (config.json,
/// cumulants.csv).
/// </summary>
public sealed class CumulantsCommand
{
    readonly CliConsole _console;

    public CumulantsCommand(CliConsole console) => _console = console;

    public Option<string> In { get; } = OptionFactory.Text("--in", "The data file: an N × d (or N) .npy of float32/float64/int, or a numeric .csv with one sample per line.");

    public Option<string> Observable { get; } = OptionFactory.Text("--observable",
        "site (all coordinates pooled: site cumulants of a translation-invariant field), mean (the coordinate mean, e.g. the lattice magnetisation) or coord:i.", "site");

    public Option<int> Order { get; } = OptionFactory.Integer("--order", "The highest cumulant order, 1..8.", 8);

    public Option<int> BlockSize { get; } = OptionFactory.Integer("--block-size",
        "Rows per jackknife/bootstrap block (use one longer than the autocorrelation time of a Markov chain). Default: start at 1024 rows and double to keep 100–200 blocks.");

    public Option<int> Bootstrap { get; } = OptionFactory.Integer("--bootstrap", "Block-bootstrap replicates (0 disables the bootstrap).", 100);

    public Option<ulong> Seed { get; } = OptionFactory.Seed("--seed", "Seed of the bootstrap draws (default 20241028).");

    readonly OptionalRunFolder _folder = new("cumulants.csv, standardised-cumulants.png");

    public Option<bool> Verbose { get; } = CommonOptions.Verbose();

    /// <summary>Builds the System.CommandLine command.</summary>
    public Command Build()
    {
        var command = new Command("cumulants",
            "Cumulants κ1..κ8 and k-statistics k1..k4 of a data file with blocked-jackknife and bootstrap errors.")
        {
            In, Observable, Order, BlockSize, Bootstrap, Seed, _folder.Out, _folder.Force, Verbose,
        };
        command.SetAction((parseResult, cancellationToken) => Task.Run(() => CommandRunner.Run(
            "cumulants", _console, parseResult.GetValue(Verbose), () => Execute(parseResult)), CancellationToken.None));
        return command;
    }

    int Execute(ParseResult parseResult)
    {
        var settings = Resolve(parseResult);
        string? target = _folder.CheckedTarget(parseResult);
        var observable = CumulantObservable.Parse(settings.Observable);
        using var data = Load(settings.In);
        if (data.shape[0] < 4) throw new UsageException($"--in '{settings.In}' has {data.shape[0]} samples; need at least 4 (k4 needs 4 values)");
        long rows = data.shape[0];
        long blockSize = settings.BlockSize ?? 1024;
        if (settings.BlockSize is long b && rows / b < 2)
            throw new UsageException($"--block-size {b} leaves fewer than 2 blocks of the {rows} samples; choose at most {rows / 2}");
        // An explicit block size is kept fixed (enough target blocks that none are merged); otherwise blocks start small.
        var options = new CumulantOptions(
            TargetBlocks: settings.BlockSize is null ? 100 : (int)Math.Min(int.MaxValue, rows / blockSize + 1),
            MinimumBlockSize: settings.BlockSize ?? Math.Max(1, Math.Min(1024, rows / 2)),
            BootstrapReplicates: settings.Bootstrap, Seed: settings.Seed);
        CumulantSummary summary;
        try
        {
            summary = observable.Summarize(data, options, settings.Order);
        }
        catch (ArgumentOutOfRangeException e) when (e.ParamName == "index")
        {
            throw new UsageException($"--observable '{settings.Observable}': {ErrorText.OneLine(e)}; the data have {data.shape[1]} coordinates", e);
        }
        string csv = ToCsv(summary);
        Print(settings, summary, data.shape);
        _folder.Write(parseResult, target, "cumulants", _console, settings, new Dictionary<string, string>
        {
            ["data-shape"] = string.Join(" × ", data.shape),
            ["block-size"] = summary.BlockSize.ToString(CultureInfo.InvariantCulture),
            ["blocks"] = summary.BlockCount.ToString(CultureInfo.InvariantCulture),
            ["values"] = summary.Count.ToString(CultureInfo.InvariantCulture),
        }, folder =>
        {
            File.WriteAllText(Path.Combine(folder, "cumulants.csv"), csv);
            if (summary.Cumulants.Count >= 3 && summary.Kappa(2).Value > 0)
            {
                var orders = Enumerable.Range(1, summary.Cumulants.Count).ToArray();
                ScoreScope.Experiments.Plotting.StandardisedCumulantPlot.Write(Path.Combine(folder, "standardised-cumulants.png"),
                    orders.Select(n => summary.Kappa(n).Value).ToArray(), orders.Select(n => summary.Kappa(n).JackknifeError).ToArray(),
                    string.Create(CultureInfo.InvariantCulture,
                        $"{settings.Observable} of {Path.GetFileName(settings.In)}: {summary.Count} values, jackknife SE (κ2 relative SE {summary.Kappa(2).JackknifeError / summary.Kappa(2).Value:G2})"));
            }
        });
        return ExitCodes.Success;
    }

    CumulantsSettings Resolve(ParseResult parseResult)
    {
        string path = parseResult.GetValue(In) ?? throw new UsageException("--in is required: the .npy or .csv data file");
        var settings = new CumulantsSettings
        {
            In = path,
            Observable = parseResult.GetValue(Observable) ?? "site",
            Order = parseResult.GetValue(Order),
            Bootstrap = parseResult.GetValue(Bootstrap),
        };
        if (OptionFactory.TryGetExplicit(parseResult, Seed, out ulong seed)) settings = settings with { Seed = seed };
        if (OptionFactory.TryGetExplicit(parseResult, BlockSize, out int blockSize))
        {
            if (blockSize < 1) throw new UsageException($"--block-size must be an integer ≥ 1 (got {blockSize})");
            settings = settings with { BlockSize = blockSize };
        }
        if (settings.Order < 1 || settings.Order > CentralMoments.MaxOrder)
            throw new UsageException($"--order must be an integer in [1, {CentralMoments.MaxOrder}] (got {settings.Order})");
        if (settings.Bootstrap < 0) throw new UsageException($"--bootstrap must be an integer ≥ 0 (got {settings.Bootstrap})");
        try
        {
            _ = CumulantObservable.Parse(settings.Observable);
        }
        catch (FormatException e)
        {
            throw new UsageException($"--observable: {e.Message}", e);
        }
        return settings;
    }

    static Tensor Load(string path)
    {
        try
        {
            return DataFile.LoadPoints(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // DataFileException and NpyFormatException (both IOExceptions) name the file, row and column themselves.
            throw new UsageException($"--in: {ErrorText.OneLine(e)} (expected an N × d .npy of numbers or a numeric .csv, one sample per line)", e);
        }
    }

    /// <summary>CSV: statistic, order, value, jackknife_se, bootstrap_se (κ_1..κ_n, then k1..k4).</summary>
    static string ToCsv(CumulantSummary summary)
    {
        var sb = new StringBuilder("statistic,order,value,jackknife_se,bootstrap_se\n");
        void Row(string name, int n, CumulantEstimate e) =>
            sb.Append(CultureInfo.InvariantCulture, $"{name},{n},{e.Value:R},{e.JackknifeError:R},{e.BootstrapError:R}\n");
        for (int n = 1; n <= summary.Cumulants.Count; n++) Row("kappa", n, summary.Kappa(n));
        for (int n = 1; n <= summary.KStatistics.Count; n++) Row("k", n, summary.K(n));
        return sb.ToString();
    }

    void Print(CumulantsSettings settings, CumulantSummary summary, long[] shape)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(
            $"{settings.Observable} cumulants of {Path.GetFileName(settings.In)} ({string.Join(" × ", shape)}; {summary.Count} values, " +
            $"{summary.BlockCount} blocks of {summary.BlockSize} rows, {summary.BootstrapReplicates} bootstrap replicates)"));
        table.AddColumn("statistic");
        table.AddColumn(new TableColumn("value").RightAligned());
        table.AddColumn(new TableColumn("jackknife SE").RightAligned());
        table.AddColumn(new TableColumn("bootstrap SE").RightAligned());
        string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
        for (int n = 1; n <= summary.Cumulants.Count; n++)
            table.AddRow($"κ{n}", F(summary.Kappa(n).Value), F(summary.Kappa(n).JackknifeError), F(summary.Kappa(n).BootstrapError));
        for (int n = 1; n <= summary.KStatistics.Count; n++)
            table.AddRow($"k{n}", F(summary.K(n).Value), F(summary.K(n).JackknifeError), F(summary.K(n).BootstrapError));
        _console.OutputConsole.Write(table);
    }
}
