using ScoreScope.Runs;
using System.CommandLine;
using System.Security.Cryptography;
using ScoreScope.Cli.Runs;
using ScoreScope.Cli.Settings;
using ScoreScope.Cli.Tables;
using ScoreScope.Cli.Terminal;

namespace ScoreScope.Cli.Commands;

/// <summary>
/// <c>scorescope sample</c>: draws samples with a chosen process, score and sampler and writes a run folder
/// (samples.npy, config.json, metrics.json, samples.png). Option precedence: flags typed on the command line, then
/// the <c>--config</c> file, then the defaults shown in <c>--help</c>.
/// </summary>
public sealed class SampleCommand
{
    static readonly SampleSettings Defaults = new();
    readonly CliConsole _console;

    public SampleCommand(CliConsole console) => _console = console;

    public Option<string> Data { get; } = OptionFactory.Text("--data",
        $"Data distribution: gmm8 (8 Gaussians on a circle of radius 4, sd 0.5), gaussian10 (a fixed 10-D Gaussian with " +
        $"non-diagonal covariance), or a path to an n × d .npy/.csv file used as an empirical distribution.", Defaults.Data);

    readonly ProcessOptions _processOptions = new(Defaults.Process);

    public Option<string> Process => _processOptions.Process;

    public Option<double> SigmaMin => _processOptions.SigmaMin;

    public Option<double> SigmaMax => _processOptions.SigmaMax;

    public Option<double> BetaMin => _processOptions.BetaMin;

    public Option<double> BetaMax => _processOptions.BetaMax;

    public Option<string> Score { get; } = OptionFactory.Text("--score",
        "Score: exact (the closed-form score of the data pushed through the process) | model (a trained model, set by --model).",
        Defaults.Score);

    public Option<string> Model { get; } = OptionFactory.Text("--model",
        "A training run folder (from 'scorescope train'): sample with its model's EMA weights. The model fixes --process " +
        "and its parameters, --data and --score; giving other values for them is an error.");

    public Option<string> Sampler { get; } = OptionFactory.Text("--sampler",
        "Sampler: heun (probability-flow ODE, 2nd order) | euler (probability-flow ODE) | euler-maruyama (reverse SDE) | " +
        "ancestral (DDPM-style ancestral) | pc (predictor-corrector, Langevin corrector) | rk45 (probability-flow ODE, adaptive " +
        "Dormand–Prince 5(4) under --rtol/--atol; --steps and --grid are not used, the NFE is reported; results depend on --batch " +
        "at the level of the tolerance).", Defaults.Sampler);

    public Option<int> Steps { get; } = OptionFactory.Integer("--steps",
        $"Number of sampler steps, in [1, {SampleSettingsValidator.MaxSteps}].", Defaults.Steps);

    public Option<string> Grid { get; } = OptionFactory.Text("--grid",
        $"Time grid from t = 1 down to --t-min: {string.Join(" | ", TimeGridTable.Names)} " +
        "(edm: EDM's ρ = 7 spacing in σ = b/a).", Defaults.Grid);

    public Option<double> TMin { get; } = OptionFactory.Number("--t-min",
        "Smallest time of the grid, in (0, 1) (score_sde's ε).", Defaults.TMin);

    public Option<double> Snr { get; } = OptionFactory.Number("--snr",
        $"Signal-to-noise ratio of the Langevin corrector step size, > 0 (pc only) [default: {SamplerTable.DefaultSnr}]");

    public Option<double> Rtol { get; } = OptionFactory.Number("--rtol",
        $"Relative tolerance of the adaptive ODE solver, > 0 (rk45 only) [default: {SamplerTable.DefaultTolerance}]");

    public Option<double> Atol { get; } = OptionFactory.Number("--atol",
        $"Absolute tolerance of the adaptive ODE solver, > 0 (rk45 only) [default: {SamplerTable.DefaultTolerance}]");

    public Option<bool> Denoise { get; } = OptionFactory.Switch("--denoise",
        "Finish with one Tweedie denoising step E[x₀ | x_{t_min}] (--denoise false to skip). [default: true]", Defaults.Denoise);

    public Option<int> N { get; } = OptionFactory.Integer("--n", "Number of samples, ≥ 1.", Defaults.N);

    public Option<int> Batch { get; } = OptionFactory.Integer("--batch",
        "Samples per batch, ≥ 1 (memory only: the samples do not depend on it).", Defaults.Batch);

    /// <summary><c>--batch-size</c>: the old spelling of <c>--batch</c>, hidden, so that old commands still work.</summary>
    public Option<int> BatchSizeAlias { get; } = OptionFactory.HiddenIntegerAlias("--batch-size", "--batch");

    public Option<ulong> Seed { get; } = OptionFactory.Seed("--seed",
        "Seed of every random draw, in [0, 2^64 − 1]. Absent: one is drawn, printed and recorded in config.json.");

    public Option<string> Dtype { get; } = OptionFactory.Text("--dtype",
        "Element type of samples.npy: float32 | float64 (sampling always runs in float64).", Defaults.Dtype);

    public Option<string> Device { get; } = OptionFactory.Text("--device", "Device: cpu | cuda.", Defaults.Device);

    public Option<int> Threads { get; } = OptionFactory.Integer("--threads",
        $"libtorch CPU threads, in [1, {SampleSettingsValidator.MaxThreads}]. The default 1 suits the small tensors of " +
        "the built-in problems (more threads mostly add synchronisation); raise it for large empirical data.", Defaults.Threads);

    public Option<string> From { get; } = OptionFactory.Text("--from",
        "Start from these states instead of prior draws: an N × d (or N × event shape) .npy/.csv, e.g. data noised to --t-start; " +
        "--n is the file's number of rows.");

    public Option<double> SigmaEnd { get; } = OptionFactory.Number("--sigma-end",
        "End sampling at this noise-to-signal ratio σ = b/a (the noise left in the samples) instead of at --t-min: t_min is " +
        "the time at which the process reaches it. For VE it is the end noise level one usually means by σ_min (with " +
        "--t-min the noise left is √(σ(t_min)² − σ_min²)). In (σ(0), σ(T)) of the process; not with --t-min.");

    public Option<double> TStart { get; } = OptionFactory.Number("--t-start",
        "The time of the --from states, in (--t-min, 1]; the grid runs from it down to --t-min. [default: 1]");

    readonly RunFolderTarget _target = new("sample");

    public Option<string> Config { get; } = OptionFactory.Text("--config",
        "A JSON config (e.g. a previous run's config.json): its \"options\" act as flags; flags typed here override them.");

    public Option<bool> Verbose { get; } = CommonOptions.Verbose();

    /// <summary>Builds the System.CommandLine command.</summary>
    public Command Build()
    {
        var command = new Command("sample",
            "Draw samples with a forward process, a score and a sampler; write samples.npy, config.json, metrics.json " +
            "and samples.png to a new run folder.")
        {
            Data, Process, SigmaMin, SigmaMax, BetaMin, BetaMax, Score, Model, Sampler, Steps, Grid, TMin, SigmaEnd, Snr, Rtol, Atol, Denoise,
            N, Batch, BatchSizeAlias, Seed, Dtype, Device, Threads, From, TStart, _target.Out, _target.Force, Config, Verbose,
        };
        // The work runs on a pool thread so that System.CommandLine can observe Ctrl+C / SIGTERM meanwhile and cancel it.
        command.SetAction((parseResult, cancellationToken) => Task.Run(() => CommandRunner.Run(
            "sample", _console, parseResult.GetValue(Verbose), () => Execute(parseResult, cancellationToken)), CancellationToken.None));
        return command;
    }

    int Execute(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var (settings, origins) = Resolve(parseResult);
        SampleSettingsValidator.Validate(settings, origins);
        settings = settings with { Data = DatasetTable.Canonical(settings.Data) };
        var (target, force) = _target.Check(parseResult);
        bool verbose = parseResult.GetValue(Verbose);

        using var job = SampleJob.Prepare(settings, origins, parseResult.Tokens.Select(t => t.Value),
            w => _console.Error.WriteLine($"scorescope sample: warning: {w}"));
        var result = RunFolder.Write(target, force,
            folder => _console.WithProgress(board => job.Run(folder, board, verbose ? _console.Error : null, cancellationToken)), CliRunFolders.Options(_console, "sample"));
        RunSummary.Print(_console, result, target, seedDrawn: !origins.IsGiven("seed"));
        return 0;
    }

    /// <summary>Defaults, overlaid by the <c>--config</c> file, overlaid by explicit flags; then the seed is drawn if absent.</summary>
    (SampleSettings Settings, SettingOrigins Origins) Resolve(ParseResult parseResult)
    {
        var overlay = SettingsOverlay<SampleSettings>.Start(parseResult, parseResult.GetValue(Config), Defaults, "sample");
        string configProcess = overlay.Settings.Process;
        overlay.Take(Data, (s, v) => s with { Data = v });
        _processOptions.TakeInto(overlay);
        overlay.Take(Score, (s, v) => s with { Score = v });
        overlay.Take(Model, (s, v) => s with { Model = v });
        overlay.Take(Sampler, (s, v) => s with { Sampler = v });
        overlay.Take(Steps, (s, v) => s with { Steps = v });
        overlay.Take(Grid, (s, v) => s with { Grid = v });
        overlay.Take(TMin, (s, v) => s with { TMin = v });
        overlay.Take(SigmaEnd, (s, v) => s with { SigmaEnd = v });
        overlay.Take(Snr, (s, v) => s with { Snr = v });
        overlay.Take(Rtol, (s, v) => s with { Rtol = v });
        overlay.Take(Atol, (s, v) => s with { Atol = v });
        overlay.Take(Denoise, (s, v) => s with { Denoise = v });
        overlay.Take(N, (s, v) => s with { N = v });
        overlay.Take(BatchSizeAlias, (s, v) => s with { Batch = v }, key: "batch");
        overlay.Take(Batch, (s, v) => s with { Batch = v });
        overlay.Take(Seed, (s, v) => s with { Seed = v });
        overlay.Take(Dtype, (s, v) => s with { Dtype = v });
        overlay.Take(Device, (s, v) => s with { Device = v });
        overlay.Take(Threads, (s, v) => s with { Threads = v });
        overlay.Take(From, (s, v) => s with { From = v });
        overlay.Take(TStart, (s, v) => s with { TStart = v });

        var origins = overlay.Origins;
        // A process switched on the command line drops the config file's parameters of the old process.
        ProcessOptions.DropOldProcessParameters(overlay, configProcess);
        // A sampler switched on the command line drops the config file's --snr when the new sampler has none.
        if (origins.IsFlag("sampler") && !SamplerTable.UsesSnr(overlay.Settings.Sampler))
        {
            overlay.DropConfigValues(["snr"], Clear);
        }
        // --t-min typed here replaces a config file's --sigma-end (both say where sampling ends); --sigma-end typed here
        // makes the config's t-min irrelevant.
        if (origins.IsFlag("t-min"))
        {
            overlay.DropConfigValues(["sigma-end"], Clear);
        }
        if (origins.IsFlag("sampler") && !SamplerTable.UsesTolerances(overlay.Settings.Sampler))
        {
            overlay.DropConfigValues(["rtol", "atol"], Clear);
        }

        var settings = SettingsResolution.WithDefaultProcessParameters(WithModel(overlay.Settings, origins));
        if (SamplerTable.UsesSnr(settings.Sampler))
        {
            settings = settings with { Snr = settings.Snr ?? SamplerTable.DefaultSnr };
        }
        else if (!origins.IsGiven("snr"))
        {
            settings = settings with { Snr = null };
        }
        if (SamplerTable.UsesTolerances(settings.Sampler))
        {
            settings = settings with { Rtol = settings.Rtol ?? SamplerTable.DefaultTolerance, Atol = settings.Atol ?? SamplerTable.DefaultTolerance };
        }
        else
        {
            if (!origins.IsGiven("rtol")) settings = settings with { Rtol = null };
            if (!origins.IsGiven("atol")) settings = settings with { Atol = null };
        }
        settings = settings with { Seed = settings.Seed ?? DrawSeed() };
        if (settings.From is { } from)
        {
            long rows = SampleJob.StartStateCount(from, origins.Describe("from"));
            if (origins.IsGiven("n") && settings.N != rows)
                throw new Errors.UsageException($"{origins.Describe("n")} {settings.N} differs from the {rows} rows of {origins.Describe("from")} '{from}'; omit --n (it is the file's row count)");
            if (rows > int.MaxValue)
                throw new Errors.UsageException($"{origins.Describe("from")} '{from}' has {rows} rows; at most {int.MaxValue} are supported");
            settings = settings with { N = (int)rows, From = Path.GetFullPath(from), TStart = settings.TStart ?? 1.0 };
        }
        return (settings, origins);
    }

    /// <summary>
    /// With <c>--model</c>: the process, its parameters, the data and the score are the model's; values the user gave
    /// that differ are a usage error naming both.
    /// </summary>
    static SampleSettings WithModel(SampleSettings settings, SettingOrigins origins)
    {
        if (settings.Model is not { } folder)
        {
            return settings;
        }
        string option = origins.Describe("model");
        var trained = TrainedRun.Open(folder, option).Settings;
        var given = SettingsResolution.ProcessParametersOf(settings);
        var model = SettingsResolution.ProcessParametersOf(trained);
        var conflicts = new List<(string Key, string Given, string Model)>();
        if (origins.IsGiven("process") && settings.Process != trained.Process)
        {
            conflicts.Add(("process", settings.Process, trained.Process));
        }
        foreach (var key in ScoreScope.Processes.ProcessSettings.Keys.Where(origins.IsGiven))
        {
            if (given[key] != model[key])
            {
                conflicts.Add((key, Text(given[key]), Text(model[key])));
            }
        }
        if (origins.IsGiven("data") && DatasetTable.Canonical(settings.Data) != trained.Data)
        {
            conflicts.Add(("data", settings.Data, trained.Data));
        }
        if (origins.IsGiven("score") && settings.Score != "model")
        {
            conflicts.Add(("score", settings.Score, "model"));
        }
        if (conflicts.Count > 0)
        {
            var (key, value, fixedValue) = conflicts[0];
            throw new Errors.UsageException($"{origins.Describe(key)} {value} conflicts with {option} '{folder}', whose model fixes " +
                $"--{key} {fixedValue}; omit --{key} (the model fixes the process, its parameters and the data)");
        }
        return settings.WithProcessParameters(model) with
        {
            Model = Path.GetFullPath(folder), Data = trained.Data, Process = trained.Process, Score = "model",
        };
    }

    static string Text(double? value) => value is { } v ? SettingChecks.F(v) : "(unset)";

    static SampleSettings Clear(SampleSettings settings, string key) => key switch
    {
        "rtol" => settings with { Rtol = null },
        "atol" => settings with { Atol = null },
        "sigma-end" => settings with { SigmaEnd = null },
        _ => settings with { Snr = null },
    };

    /// <summary>A fresh seed in [0, 2³¹ − 1), short enough to retype.</summary>
    static ulong DrawSeed() => (ulong)RandomNumberGenerator.GetInt32(int.MaxValue);
}
