using ScoreScope.Runs;
using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using ScoreScope.Cli.Errors;
using ScoreScope.Cli.Runs;
using ScoreScope.Cli.Settings;
using ScoreScope.Cli.Tables;
using ScoreScope.Cli.Terminal;
using static ScoreScope.Cli.Settings.SettingChecks;

namespace ScoreScope.Cli.Commands;

/// <summary>
/// <c>scorescope evaluate --model RUN</c>: measures a trained model against its data (the relative score error at
/// equally spaced times, and metrics of samples drawn with its EMA weights) and writes an evaluation folder
/// (score_error.csv, score_error.png, metrics.json, metrics.csv, config.json, sample/).
/// </summary>
public sealed class EvaluateCommand
{
    static readonly EvaluateSettings Defaults = new();
    readonly CliConsole _console;

    public EvaluateCommand(CliConsole console) => _console = console;

    public Option<string> Model { get; } = OptionFactory.Text("--model", "The training run folder (from 'scorescope train') to evaluate. Required.");

    public Option<int> ErrorTimes { get; } = OptionFactory.Integer("--error-times",
        $"Times of the score-error curve, equally spaced on [--error-t-min, T], ≥ {EvaluateJob.MinimumTimes}.", Defaults.ErrorTimes);

    public Option<double> ErrorTMin { get; } = OptionFactory.Number("--error-t-min",
        $"First time of the score-error curve, in (0, {EvaluateJob.WindowStart}] so that the window [{EvaluateJob.WindowStart}, T] is covered.", Defaults.ErrorTMin);

    public Option<int> ErrorSamples { get; } = OptionFactory.Integer("--error-samples",
        "Samples x_t ~ p_t per time of the score-error curve, ≥ 2.", Defaults.ErrorSamples);

    public Option<string> Sampler { get; } = OptionFactory.Text("--sampler",
        $"Sampler of the sample metrics: {string.Join(" | ", SamplerTable.Names)}.", Defaults.Sampler);

    public Option<int> Steps { get; } = OptionFactory.Integer("--steps", "Sampler steps.", Defaults.Steps);

    public Option<string> Grid { get; } = OptionFactory.Text("--grid", $"Sampler time grid: {string.Join(" | ", TimeGridTable.Names)}.", Defaults.Grid);

    public Option<double> TMin { get; } = OptionFactory.Number("--t-min", "Smallest time of the sampler's grid, in (0, 1).", Defaults.TMin);

    public Option<int> N { get; } = OptionFactory.Integer("--n", "Number of samples for the sample metrics, ≥ 1.", Defaults.N);

    public Option<int> Batch { get; } = OptionFactory.Integer("--batch", "Samples per sampler batch, ≥ 1 (memory only).", Defaults.Batch);

    /// <summary><c>--batch-size</c>: the old spelling of <c>--batch</c>, hidden, so that old commands still work.</summary>
    public Option<int> BatchSizeAlias { get; } = OptionFactory.HiddenIntegerAlias("--batch-size", "--batch");

    public Option<ulong> Seed { get; } = OptionFactory.Seed("--seed",
        "Seed of every random draw, in [0, 2^64 − 1]. Absent: one is drawn, printed and recorded in config.json.");

    public Option<int> Threads { get; } = OptionFactory.Integer("--threads", $"libtorch CPU threads, in [1, {SampleSettingsValidator.MaxThreads}].", Defaults.Threads);

    public Option<string> Device { get; } = OptionFactory.Text("--device", "Device: cpu | cuda.", Defaults.Device);

    readonly RunFolderTarget _target = new("evaluate");

    public Option<string> Config { get; } = OptionFactory.Text("--config",
        "A JSON config (e.g. a previous evaluation's config.json): its \"options\" act as flags; flags typed here override them.");

    public Option<bool> Verbose { get; } = CommonOptions.Verbose();

    /// <summary>Builds the System.CommandLine command.</summary>
    public Command Build()
    {
        var command = new Command("evaluate",
            "Evaluate a trained model: relative score error E‖s_θ − s*‖²/E‖s*‖² against the exact score at ≥ 20 times " +
            "(score_error.csv, score_error.png) and metrics of its samples against the data (metrics.json/csv).")
        {
            Model, ErrorTimes, ErrorTMin, ErrorSamples, Sampler, Steps, Grid, TMin, N, Batch, BatchSizeAlias, Seed, Threads, Device,
            _target.Out, _target.Force, Config, Verbose,
        };
        command.SetAction((parseResult, cancellationToken) => Task.Run(() => CommandRunner.Run(
            "evaluate", _console, parseResult.GetValue(Verbose), () => Execute(parseResult, cancellationToken)), CancellationToken.None));
        return command;
    }

    int Execute(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var overlay = SettingsOverlay<EvaluateSettings>.Start(parseResult, parseResult.GetValue(Config), Defaults, "evaluate");
        overlay.Take(Model, (s, v) => s with { Model = v });
        overlay.Take(ErrorTimes, (s, v) => s with { ErrorTimes = v });
        overlay.Take(ErrorTMin, (s, v) => s with { ErrorTMin = v });
        overlay.Take(ErrorSamples, (s, v) => s with { ErrorSamples = v });
        overlay.Take(Sampler, (s, v) => s with { Sampler = v });
        overlay.Take(Steps, (s, v) => s with { Steps = v });
        overlay.Take(Grid, (s, v) => s with { Grid = v });
        overlay.Take(TMin, (s, v) => s with { TMin = v });
        overlay.Take(N, (s, v) => s with { N = v });
        overlay.Take(BatchSizeAlias, (s, v) => s with { Batch = v }, key: "batch");
        overlay.Take(Batch, (s, v) => s with { Batch = v });
        overlay.Take(Seed, (s, v) => s with { Seed = v });
        overlay.Take(Threads, (s, v) => s with { Threads = v });
        overlay.Take(Device, (s, v) => s with { Device = v });
        var origins = overlay.Origins;
        var settings = overlay.Settings;
        Validate(settings, origins);
        settings = settings with
        {
            Model = Path.GetFullPath(settings.Model),
            Seed = settings.Seed ?? (ulong)RandomNumberGenerator.GetInt32(int.MaxValue),
        };

        var (target, force) = _target.Check(parseResult);
        var log = parseResult.GetValue(Verbose) ? _console.Error : null;
        using var job = EvaluateJob.Prepare(settings, origins, parseResult.Tokens.Select(t => t.Value),
            w => _console.Error.WriteLine($"scorescope evaluate: warning: {w}"));
        var result = RunFolder.Write(target, force,
            folder => _console.WithProgress(board => job.Run(folder, board, log, cancellationToken)), CliRunFolders.Options(_console, "evaluate"));
        Print(_console, result, target, settings.Seed.Value, seedDrawn: !origins.IsGiven("seed"));
        return ExitCodes.Success;
    }

    /// <summary>Prints where an evaluation is and its metrics table.</summary>
    public static void Print(CliConsole console, EvaluateRunResult result, string target, ulong seed, bool seedDrawn)
    {
        var output = console.Output;
        output.WriteLine($"Evaluation written to {target}");
        output.WriteLine($"  files:   {string.Join(", ", EvaluateJob.Files)}, sample/ ({string.Join(", ", result.Sample.Files)})");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  score:   max rel_error on t ∈ [{EvaluateJob.WindowStart}, T] = {result.MaxRelativeError:G4} at t = {result.MaxRelativeErrorTime:G3} " +
            $"({result.Times} times; level {EvaluateJob.AcceptanceLevel})"));
        output.WriteLine($"           s* = {result.Reference}");
        output.WriteLine($"  seed:    {seed}{(seedDrawn ? " (drawn; recorded in config.json)" : "")}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  time:    {result.Elapsed.TotalSeconds:F1} s"));
        RunSummary.PrintMetrics(console, result.Rows);
    }

    static void Validate(EvaluateSettings s, SettingOrigins origins)
    {
        if (string.IsNullOrWhiteSpace(s.Model))
        {
            throw new UsageException("--model is required: a training run folder written by 'scorescope train'");
        }
        IntegerIn(s.ErrorTimes, EvaluateJob.MinimumTimes, 100_000, origins.Describe("error-times"));
        if (!(s.ErrorTMin > 0 && s.ErrorTMin <= EvaluateJob.WindowStart))
        {
            throw new UsageException($"{origins.Describe("error-t-min")} must be in (0, {EvaluateJob.WindowStart}] (got {F(s.ErrorTMin)})");
        }
        IntegerIn(s.ErrorSamples, 2, 100_000_000, origins.Describe("error-samples"));
    }
}
