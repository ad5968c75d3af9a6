using ScoreScope.Runs;
using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using ScoreScope.Cli.Errors;
using ScoreScope.Cli.Runs;
using ScoreScope.Cli.Settings;
using ScoreScope.Cli.Tables;
using ScoreScope.Cli.Terminal;
using ScoreScope.Training;

namespace ScoreScope.Cli.Commands;

/// <summary>
/// <c>scorescope train</c>: trains a score network on a dataset under a forward process and writes a run folder
/// (model.ckpt, config.json, metrics.csv, loss.png). Option precedence as in <c>sample</c>: flags, then the
/// <c>--config</c> file, then the defaults. <c>--resume FOLDER</c> continues a stopped run exactly from its checkpoint,
/// with the options recorded in its config.json.
/// </summary>
public sealed class TrainCommand
{
    static readonly TrainSettings Defaults = new();
    readonly CliConsole _console;
    readonly ProcessOptions _process = new(Defaults.Process);

    public TrainCommand(CliConsole console) => _console = console;

    public Option<string> Data { get; } = OptionFactory.Text("--data",
        $"Training data: {string.Join(" | ", DatasetTable.Names)} (fresh samples every step), or a path to an n × d .npy/.csv " +
        "file (a fixed training set).", Defaults.Data);

    public Option<string> Net { get; } = OptionFactory.Text("--net", "Network: mlp (residual MLP) | unet (2-D U-Net, image data [C, H, W]).", Defaults.Net);

    public Option<int> Width { get; } = OptionFactory.Integer("--width", $"Hidden width of the MLP, ≥ 1 (mlp only) [default: {NetworkTable.DefaultWidth}]");

    public Option<int> Depth { get; } = OptionFactory.Integer("--depth", $"Residual blocks of the MLP, ≥ 1 (mlp only) [default: {NetworkTable.DefaultDepth}]");

    public Option<int> Channels { get; } = OptionFactory.Integer("--channels", $"Base channels of the U-Net, ≥ 1 (unet only) [default: {NetworkTable.DefaultChannels}]");

    public Option<int> Levels { get; } = OptionFactory.Integer("--levels", $"Resolution levels of the U-Net, ≥ 1 (unet only) [default: {NetworkTable.DefaultLevels}]");

    public Option<string> Param { get; } = OptionFactory.Text("--param",
        "Parametrisation: score (s = F) | noise (ε-prediction, s = −F/b; alias eps) | data (x̂₀-prediction, s = −(x − a·F)/b²; alias x0) | edm (EDM preconditioning).", Defaults.Param);

    public Option<string> Loss { get; } = OptionFactory.Text("--loss",
        "Loss: dsm (denoising score matching) | x0 (denoiser loss) | ssm (sliced score matching).", Defaults.Loss);

    public Option<string> Weighting { get; } = OptionFactory.Text("--weighting", "Loss weighting λ(t): b2 (b(t)²) | unit (1) | snr (a²/b²).", Defaults.Weighting);

    public Option<string> TimeSampling { get; } = OptionFactory.Text("--time-sampling",
        "Training times: uniform | log-uniform | ddpm (1000 discrete indices).", Defaults.TimeSampling);

    public Option<double> TMin { get; } = OptionFactory.Number("--t-min", "Smallest training time, in (0, 1).", Defaults.TMin);

    public Option<int> Steps { get; } = OptionFactory.Integer("--steps", $"Training steps, in [1, {TrainSettingsValidator.MaxSteps}].", Defaults.Steps);

    public Option<int> Batch { get; } = OptionFactory.Integer("--batch", "Samples per step, ≥ 1.", Defaults.Batch);

    public Option<double> Lr { get; } = OptionFactory.Number("--lr", "Peak learning rate of AdamW (linear warm-up, cosine decay), in (0, 1].", Defaults.Lr);

    public Option<int> Warmup { get; } = OptionFactory.Integer("--warmup", "Linear warm-up steps, ≥ 0.", Defaults.Warmup);

    public Option<double> Ema { get; } = OptionFactory.Number("--ema", "EMA decay of the weights, in [0, 1); sampling uses the EMA weights.", Defaults.Ema);

    public Option<ulong> Seed { get; } = OptionFactory.Seed("--seed",
        "Seed of every random draw, in [0, 2^64 − 1]. Absent: one is drawn, printed and recorded in config.json.");

    public Option<int> Threads { get; } = OptionFactory.Integer("--threads",
        $"libtorch CPU threads, in [1, {SampleSettingsValidator.MaxThreads}] (1 is fastest for the small built-in problems; " +
        "a bit-identical --resume needs the same count).", Defaults.Threads);

    public Option<int> CheckpointEvery { get; } = OptionFactory.Integer("--checkpoint-every",
        "Write checkpoint.ckpt every this many steps, ≥ 0 (0: only at the end or when stopped).", Defaults.CheckpointEvery);

    public Option<int> EvaluateEvery { get; } = OptionFactory.Integer("--evaluate-every",
        "Append a metrics.csv row (train and held-out loss, per t-bucket) every this many steps, ≥ 1.", Defaults.EvaluateEvery);

    public Option<string> Device { get; } = OptionFactory.Text("--device", "Device: cpu | cuda.", Defaults.Device);

    readonly RunFolderTarget _target = new("train");

    public Option<string> Resume { get; } = OptionFactory.Text("--resume",
        "Continue the stopped run in this folder exactly from its checkpoint.ckpt, with the options of its config.json " +
        "(the one case in which an existing folder is written into). Takes no other training options.");

    public Option<int> StopAt { get; } = OptionFactory.Integer("--stop-at",
        "Stop after this many steps (≥ 1) with a checkpoint, leaving the run to be continued with --resume.");

    public Option<string> Config { get; } = OptionFactory.Text("--config",
        "A JSON config (e.g. a previous run's config.json): its \"options\" act as flags; flags typed here override them.");

    public Option<bool> Verbose { get; } = CommonOptions.Verbose();

    IEnumerable<Option> SettingOptions =>
    [
        Data, .. _process.All, Net, Width, Depth, Channels, Levels, Param, Loss, Weighting, TimeSampling, TMin, Steps, Batch, Lr,
        Warmup, Ema, Seed, Threads, CheckpointEvery, EvaluateEvery, Device,
    ];

    /// <summary>Builds the System.CommandLine command.</summary>
    public Command Build()
    {
        var command = new Command("train",
            "Train a score network (EMA weights, held-out loss per t-bucket, atomic checkpoints); write model.ckpt, " +
            "config.json, metrics.csv and loss.png to a new run folder.");
        foreach (var option in SettingOptions.Concat([_target.Out, _target.Force, Resume, StopAt, Config, Verbose]))
        {
            command.Options.Add(option);
        }
        command.SetAction((parseResult, cancellationToken) => Task.Run(() => CommandRunner.Run(
            "train", _console, parseResult.GetValue(Verbose), () => Execute(parseResult, cancellationToken)), CancellationToken.None));
        return command;
    }

    int Execute(ParseResult parseResult, CancellationToken cancellationToken)
    {
        int? stopAt = OptionFactory.TryGetExplicit(parseResult, StopAt, out int s) ? s : null;
        if (stopAt is < 1)
        {
            throw new UsageException($"--stop-at must be an integer ≥ 1 (got {stopAt})");
        }
        var log = parseResult.GetValue(Verbose) ? _console.Error : null;
        if (parseResult.GetValue(Resume) is { } resume)
        {
            return ExecuteResume(parseResult, resume, stopAt, log, cancellationToken);
        }

        var (settings, origins) = Resolve(parseResult);
        TrainSettingsValidator.Validate(settings, origins);
        settings = settings with { Data = DatasetTable.Canonical(settings.Data) };
        var (target, force) = _target.Check(parseResult);

        using var job = TrainJob.Prepare(settings, origins, parseResult.Tokens.Select(t => t.Value));
        var result = KeepingResumable(target, () => RunFolder.Write(target, force,
            folder => _console.WithProgress(board => job.Run(folder, resume: false, stopAt, board, log, cancellationToken)),
            CliRunFolders.Options(_console, "train", RunFolderInventory.IsResumable)));
        return Report(result, target, settings.Seed!.Value, seedDrawn: !origins.IsGiven("seed"));
    }

    int ExecuteResume(ParseResult parseResult, string folder, int? stopAt, TextWriter? log, CancellationToken cancellationToken)
    {
        var typed = SettingOptions.Concat([_target.Out, _target.Force, Config]).FirstOrDefault(o => parseResult.GetResult(o) is { Implicit: false });
        if (typed is not null)
        {
            throw new UsageException($"--resume continues '{folder}' with the options recorded in its config.json; " +
                $"{typed.Name} cannot be combined with it (allowed: --stop-at, --verbose)");
        }
        try
        {
            var (result, seed) = KeepingResumable(folder, () => RunFolder.Resume(folder,
                directory => ResumeIn(directory, folder, parseResult, stopAt, log, cancellationToken), CliRunFolders.Options(_console, "train")));
            return Report(result, folder, seed, seedDrawn: false);
        }
        catch (RunFolderException e)
        {
            throw new UsageException($"--resume {ErrorText.OneLine(e)}", e);
        }
    }

    /// <summary>
    /// Continues the run in <paramref name="directory"/> (the stopped run folder <paramref name="folder"/> itself, or the
    /// partial folder a crash left behind): from checkpoint.ckpt; from model.ckpt when the crash came after training
    /// ended; from step 0 with the recorded options when it came before the first checkpoint.
    /// </summary>
    (TrainRunResult Result, ulong Seed) ResumeIn(string directory, string folder, ParseResult parseResult, int? stopAt, TextWriter? log,
        CancellationToken cancellationToken)
    {
        string configPath = Path.Combine(directory, "config.json");
        bool partial = !string.Equals(directory, Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)), StringComparison.Ordinal);
        if (!File.Exists(configPath))
        {
            throw new UsageException(partial
                ? $"--resume '{folder}': the unfinished run in '{directory}' stopped before writing its config.json; nothing to resume " +
                  $"(remove it with 'scorescope runs clean {CliRunFolders.ParentOf(folder)}' and start again)"
                : $"--resume '{folder}': not a training run folder (expected {configPath} written by 'scorescope train')");
        }
        string checkpoint = Path.Combine(directory, Trainer.CheckpointFileName);
        string model = Path.Combine(directory, TrainJob.ModelFile);
        bool fromCheckpoint = File.Exists(checkpoint);
        if (!fromCheckpoint && File.Exists(model))
        {
            if (!partial)
            {
                throw new UsageException($"--resume '{folder}': the run is complete ({TrainJob.ModelFile} written); nothing to resume");
            }
            // Killed after training ended, before the rename: model.ckpt is the final checkpoint; finish from it.
            File.Copy(model, checkpoint, overwrite: true);
            fromCheckpoint = true;
        }
        if (!fromCheckpoint && !partial)
        {
            throw new UsageException($"--resume '{folder}': no {Trainer.CheckpointFileName} to resume from (the run stopped before its first checkpoint)");
        }
        var (settings, keys) = ConfigJson.ReadOptions<TrainSettings>(configPath, "train", "--resume");
        var origins = new SettingOrigins(configPath);
        foreach (var key in keys)
        {
            origins.MarkConfig(key);
        }
        TrainSettingsValidator.Validate(settings, origins);
        if (settings.Seed is null)
        {
            throw new UsageException($"--resume '{folder}': its config.json records no seed; expected the config.json of a training run");
        }
        using var job = TrainJob.Prepare(settings, origins, parseResult.Tokens.Select(t => t.Value));
        job.OnWarning = w => _console.Error.WriteLine($"scorescope train: warning: {w}");
        var result = _console.WithProgress(board => job.Run(directory, resume: fromCheckpoint, stopAt, board, log, cancellationToken));
        return (result, settings.Seed.Value);
    }

    /// <summary>
    /// Runs <paramref name="write"/>; an I/O failure (disk full, permission lost) that left a resumable partial folder
    /// becomes one line saying where the good checkpoint is kept and how to continue.
    /// </summary>
    static T KeepingResumable<T>(string target, Func<T> write)
    {
        try
        {
            return write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not RunFolderException && e is not ModelFileException)
        {
            string partial = RunFolder.PartialPathOf(target);
            string kept = Directory.Exists(partial) && RunFolderInventory.IsResumable(partial) ? partial
                : Directory.Exists(target) && RunFolderInventory.IsResumable(target) ? target : "";
            if (kept.Length == 0)
            {
                throw;
            }
            throw new TrainingFailedException($"{ErrorText.OneLine(e)}; the run so far (last good checkpoint) is kept in '{kept}'; " +
                $"continue it with: scorescope train --resume {target}", e);
        }
    }

    int Report(TrainRunResult result, string target, ulong seed, bool seedDrawn)
    {
        string checkpoint = Path.Combine(target, Trainer.CheckpointFileName);
        if (result.NonFinite is { } e)
        {
            string kept = e.LastCheckpointStep is { } k
                ? $"the last good checkpoint (step {k}) is kept in {checkpoint}"
                : "no checkpoint had been written yet";
            throw new TrainingFailedException(string.Create(CultureInfo.InvariantCulture,
                $"training {e.Quantity} became {e.Loss} at step {e.Step}; {kept} (lower --lr or check the data)"));
        }
        if (result.Cancelled)
        {
            _console.Error.WriteLine($"scorescope train: cancelled at step {result.Step} of {result.TotalSteps}; checkpoint kept in " +
                $"{checkpoint} (continue with: scorescope train --resume {target})");
            return ExitCodes.Cancelled;
        }
        var output = _console.Output;
        output.WriteLine(result.Completed
            ? $"Model trained: {target}"
            : $"Stopped at step {result.Step} of {result.TotalSteps}: {target} (continue with: scorescope train --resume {target})");
        output.WriteLine($"  files:   {string.Join(", ", Directory.EnumerateFiles(target).Select(Path.GetFileName).Order(StringComparer.Ordinal))}");
        output.WriteLine($"  seed:    {seed}{(seedDrawn ? " (drawn; recorded in config.json)" : "")}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  time:    {result.Elapsed.TotalSeconds:F1} s ({result.StepsPerSecond:F1} steps/s)"));
        if (result.LastMetrics is { } m)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  loss:    train {m.TrainLoss:G4}, held-out {m.HeldOutLoss:G4}, held-out EMA {m.HeldOutLossEma:G4} (step {m.Step})"));
        }
        if (result.Completed)
        {
            output.WriteLine($"  next:    scorescope evaluate --model {target} --out <folder>;  scorescope sample --model {target}");
        }
        return ExitCodes.Success;
    }

    /// <summary>Defaults, overlaid by the <c>--config</c> file, overlaid by explicit flags; then defaults of the chosen process and network, and the seed.</summary>
    (TrainSettings Settings, SettingOrigins Origins) Resolve(ParseResult parseResult)
    {
        var overlay = SettingsOverlay<TrainSettings>.Start(parseResult, parseResult.GetValue(Config), Defaults, "train");
        string configProcess = overlay.Settings.Process, configNet = overlay.Settings.Net;
        overlay.Take(Data, (s, v) => s with { Data = v });
        _process.TakeInto(overlay);
        overlay.Take(Net, (s, v) => s with { Net = v });
        overlay.Take(Width, (s, v) => s with { Width = v });
        overlay.Take(Depth, (s, v) => s with { Depth = v });
        overlay.Take(Channels, (s, v) => s with { Channels = v });
        overlay.Take(Levels, (s, v) => s with { Levels = v });
        overlay.Take(Param, (s, v) => s with { Param = NetworkTable.CanonicalParametrisation(v) });
        overlay.Take(Loss, (s, v) => s with { Loss = v });
        overlay.Take(Weighting, (s, v) => s with { Weighting = v });
        overlay.Take(TimeSampling, (s, v) => s with { TimeSampling = v });
        overlay.Take(TMin, (s, v) => s with { TMin = v });
        overlay.Take(Steps, (s, v) => s with { Steps = v });
        overlay.Take(Batch, (s, v) => s with { Batch = v });
        overlay.Take(Lr, (s, v) => s with { Lr = v });
        overlay.Take(Warmup, (s, v) => s with { Warmup = v });
        overlay.Take(Ema, (s, v) => s with { Ema = v });
        overlay.Take(Seed, (s, v) => s with { Seed = v });
        overlay.Take(Threads, (s, v) => s with { Threads = v });
        overlay.Take(CheckpointEvery, (s, v) => s with { CheckpointEvery = v });
        overlay.Take(EvaluateEvery, (s, v) => s with { EvaluateEvery = v });
        overlay.Take(Device, (s, v) => s with { Device = v });

        var origins = overlay.Origins;
        // A process or network switched on the command line drops the config file's parameters of the old one.
        ProcessOptions.DropOldProcessParameters(overlay, configProcess);
        if (origins.IsFlag("net") && overlay.Settings.Net != configNet)
        {
            overlay.DropConfigValues(["width", "depth", "channels", "levels"], Clear);
        }
        overlay.Update(s => SettingsResolution.WithDefaultNetworkSizes(SettingsResolution.WithDefaultProcessParameters(s)) with
        {
            Param = NetworkTable.CanonicalParametrisation(s.Param), // a config file may hold the older eps / x0
            Seed = s.Seed ?? (ulong)RandomNumberGenerator.GetInt32(int.MaxValue),
        });
        return (overlay.Settings, origins);
    }

    static TrainSettings Clear(TrainSettings settings, string key) => key switch
    {
        "width" => settings with { Width = null },
        "depth" => settings with { Depth = null },
        "channels" => settings with { Channels = null },
        _ => settings with { Levels = null },
    };
}
