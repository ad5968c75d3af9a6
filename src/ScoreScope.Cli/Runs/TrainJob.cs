using ScoreScope.Data;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using ScoreScope.Cli.Errors;
using ScoreScope.Cli.Plotting;
using ScoreScope.Cli.Settings;
using ScoreScope.Cli.Tables;
using ScoreScope.Cli.Terminal;
using ScoreScope.IO;
using ScoreScope.Numerics;
using ScoreScope.Scores;
using ScoreScope.Training;
using static TorchSharp.torch;

namespace ScoreScope.Cli.Runs;

/// <summary>
/// One <c>train</c> run: every name resolved to library objects up front (<see cref="Prepare"/>, where bad input
/// surfaces before anything is written), then <see cref="Run"/> trains with the library <see cref="Trainer"/> into a
/// folder: config.json first (so a stopped run can be resumed), metrics.csv and checkpoint.ckpt while training, and at
/// completion model.ckpt (the final checkpoint: EMA and raw weights, optimizer and RNG state; <see cref="ScoreModelFile.Load"/>
/// opens its EMA model) and loss.png.
/// </summary>
/// <remarks>
/// Data: a built-in name trains on fresh samples every step (<see cref="DistributionTrainingData"/>); a data file is a
/// fixed training set visited in seeded per-epoch permutations (<see cref="DatasetTrainingData"/>).
/// </remarks>
public sealed class TrainJob : IDisposable
{
    /// <summary>The model file of a completed run.</summary>
    public const string ModelFile = Trainer.ModelFileName;

    /// <summary>The files of a completed training run folder.</summary>
    public static readonly IReadOnlyList<string> Files = [ModelFile, "config.json", Trainer.MetricsFileName, "loss.png"];

    readonly TrainSettings _settings;
    readonly ITrainingData _data;
    readonly ScoreModelConfig _model;
    readonly TrainingOptions _options;
    readonly Device _device;
    readonly Dictionary<string, string> _resolved;
    readonly IDisposable? _owned;

    TrainJob(TrainSettings settings, (ITrainingData Data, IDisposable? Owned) data, ScoreModelConfig model, TrainingOptions options,
        Device device, Dictionary<string, string> resolved)
    {
        (_settings, _data, _owned, _model, _options, _device, _resolved) = (settings, data.Data, data.Owned, model, options, device, resolved);
    }

    /// <summary>The settings of this run.</summary>
    public TrainSettings Settings => _settings;

    /// <summary>Resolves validated <paramref name="settings"/> (seed set) to library objects.</summary>
    /// <exception cref="UsageException">When a library factory rejects a value, or the data cannot be loaded.</exception>
    public static TrainJob Prepare(TrainSettings settings, SettingOrigins origins, IEnumerable<string> commandLine)
    {
        ulong seed = settings.Seed ?? throw new InvalidOperationException("the seed must be resolved before training.");
        var device = DeviceTable.Create(settings.Device, origins.Describe("device"));
        var spec = UsageGuard.Run(() => ProcessTable.Spec(settings.Process, SettingsResolution.ProcessParametersOf(settings)), origins.Describe("process"));
        var process = UsageGuard.Run(spec.Build, origins.Describe("process"));
        var loss = UsageGuard.Run(() => LossTable.Create(settings.Loss, settings.Weighting, settings.TimeSampling, settings.TMin, process.EndTime),
            origins.Describe("loss"));
        var options = new TrainingOptions
        {
            Steps = settings.Steps,
            BatchSize = settings.Batch,
            LearningRate = settings.Lr,
            WarmupSteps = settings.Warmup,
            EmaDecay = settings.Ema,
            Seed = seed,
            CheckpointEvery = settings.CheckpointEvery,
            EvaluateEvery = settings.EvaluateEvery,
            Loss = loss,
        };
        UsageGuard.Run(() => { options.Validate(); return 0; }, origins.Describe("steps"));
        var loaded = LoadData(settings.Data, origins.Describe("data"));
        var data = loaded.Data;
        if (settings.Net == "unet" && data.EventShape.Length != 3)
        {
            loaded.Owned?.Dispose();
            throw new UsageException($"{origins.Describe("net")} unet needs image data with event shape [C, H, W]; " +
                $"--data {settings.Data} has event shape {Shapes.Format(data.EventShape)}; use --net mlp");
        }
        var model = new ScoreModelConfig(data.EventShape, spec, SettingsResolution.CreateNetwork(settings),
            NetworkTable.Parametrisation(settings.Param));
        var resolved = new Dictionary<string, string>
        {
            ["command-line"] = "scorescope " + string.Join(' ', commandLine.Select(t => t.Any(char.IsWhiteSpace) ? $"'{t}'" : t)),
            ["data"] = data.Description,
            ["event-shape"] = Shapes.Format(data.EventShape),
            ["process"] = process.ToString() ?? settings.Process,
            ["seed-source"] = origins.IsFlag("seed") ? "--seed" : origins.IsGiven("seed") ? "--config" : "drawn",
            ["torchsharp-version"] = typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "unknown",
        };
        if (!DatasetTable.IsBuiltIn(settings.Data))
        {
            using var stream = File.OpenRead(settings.Data);
            resolved["data-sha256"] = Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        return new TrainJob(settings, loaded, model, options, device, resolved);
    }

    /// <summary>
    /// Trains into <paramref name="folder"/>: from scratch, or with <paramref name="resume"/> from the folder's
    /// checkpoint.ckpt (bit-identical to an uninterrupted run with the same thread count).
    /// </summary>
    /// <param name="folder">An empty folder (new run) or the run folder to resume.</param>
    /// <param name="resume">Continue from <c>checkpoint.ckpt</c> in <paramref name="folder"/>.</param>
    /// <param name="stopAt">Stop (with a checkpoint) after this many steps, or null to run the whole budget.</param>
    /// <param name="board">Where the progress bar goes.</param>
    /// <param name="log">Where metrics rows and timings go (stderr with --verbose), or null.</param>
    /// <param name="cancellationToken">Stops training after the current step; a checkpoint is written.</param>
    public TrainRunResult Run(string folder, bool resume, int? stopAt, ProgressBoard board, TextWriter? log,
        CancellationToken cancellationToken) =>
        TorchThreads.With(_settings.Threads, () => RunWithThreads(folder, resume, stopAt, board, log, cancellationToken));

    TrainRunResult RunWithThreads(string folder, bool resume, int? stopAt, ProgressBoard board, TextWriter? log,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (resume)
        {
            // Keep the original run's provenance; this invocation is recorded as the resume command line.
            var previous = ConfigJson.ReadResolved(Path.Combine(folder, "config.json"));
            _resolved["resume-command-line"] = _resolved["command-line"];
            foreach (var (key, value) in previous.Where(p => p.Key is "command-line" or "elapsed-seconds" or "seed-source"))
            {
                _resolved[key] = value;
            }
        }
        string checkpoint = Path.Combine(folder, Trainer.CheckpointFileName);
        using var trainer = resume ? ResumeFrom(checkpoint) : new Trainer(_model, _options, _data, device: _device);
        _resolved["model-config"] = TrainingJson.Serialize(trainer.ModelConfig);
        _resolved["loss"] = trainer.Loss.Description;
        WriteConfig(folder);

        var stage = board.AddStage("training", _settings.Steps);
        stage.SetValue(trainer.Step);
        trainer.OnProgress = p =>
        {
            stage.SetValue(p.Step);
            if (p.Step % 25 == 0 || p.Step == p.TotalSteps)
            {
                stage.Describe(string.Create(CultureInfo.InvariantCulture, $"training: loss {p.Loss:G4}, {p.StepsPerSecond:F0} steps/s"));
            }
        };
        trainer.OnMetrics = m => log?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  step {m.Step}: train loss {m.TrainLoss:G5}, held-out {m.HeldOutLoss:G5} (EMA {m.HeldOutLossEma:G5}), {m.StepsPerSecond:F1} steps/s"));

        TrainingResult? result = null;
        NonFiniteLossException? nonFinite = null;
        try
        {
            result = trainer.Run(folder, stopAt, cancellationToken);
        }
        catch (NonFiniteLossException e)
        {
            nonFinite = e;
        }
        stage.Complete();

        if (result is { Completed: true } && File.Exists(checkpoint))
        {
            // model.ckpt = the final checkpoint: its leading model block holds the EMA weights (what Load returns), the
            // training state after it the raw weights, optimizer moments and RNG states.
            File.Move(checkpoint, Path.Combine(folder, ModelFile), overwrite: true);
        }
        LossCurvePlot.Write(Path.Combine(folder, "loss.png"), Path.Combine(folder, Trainer.MetricsFileName),
            $"{Describe(_settings.Data)}: {_settings.Process}, {_settings.Net} {_settings.Param}, {_settings.Steps} steps");

        int step = result?.Step ?? trainer.Step;
        _resolved["completed-steps"] = step.ToString(CultureInfo.InvariantCulture);
        _resolved[resume ? "elapsed-seconds-resumed-run" : "elapsed-seconds"] = clock.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture);
        _resolved["steps-per-second"] = (result?.StepsPerSecond ?? 0).ToString("F1", CultureInfo.InvariantCulture);
        _resolved["created-utc"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        WriteConfig(folder);
        log?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  training: {clock.Elapsed.TotalSeconds:F2} s"));
        return new TrainRunResult(step, _settings.Steps, result?.Completed ?? false,
            result is { Completed: false } && cancellationToken.IsCancellationRequested, nonFinite,
            result?.LastMetrics, result?.StepsPerSecond ?? 0, clock.Elapsed);
    }

    /// <summary>Receives warnings (e.g. a checkpoint without checksum); the CLI prints them on stderr.</summary>
    public Action<string>? OnWarning { get; set; }

    /// <inheritdoc/>
    public void Dispose() => _owned?.Dispose();

    Trainer ResumeFrom(string checkpoint)
    {
        try
        {
            return Trainer.Resume(checkpoint, _data, device: _device, onUnverified: OnWarning);
        }
        catch (Exception e) when (e is ModelFileException or InvalidDataException)
        {
            throw new UsageException($"--resume: {ErrorText.OneLine(e)}", e);
        }
    }

    /// <summary>A data value as shown in titles: a built-in name, or a file's name.</summary>
    public static string Describe(string data) => DatasetTable.IsBuiltIn(data) ? data : Path.GetFileName(data);

    void WriteConfig(string folder)
    {
        ConfigJson.Write(folder, "train", _settings, _resolved);
    }

    /// <summary>The training data for <paramref name="value"/> and what must be disposed with it.</summary>
    static (ITrainingData Data, IDisposable? Owned) LoadData(string value, string option)
    {
        if (value == "mnist")
        {
            // A fixed training set, like a file: fresh samples of the empirical law would only resample the same images.
            using var images = MnistSubset.Points();
            var digits = new DatasetTrainingData(images, description: $"mnist ({Shapes.Format(images)})");
            return (digits, digits);
        }
        if (DatasetTable.IsBuiltIn(value))
        {
            var distribution = DatasetTable.Create(value, option);
            return (new DistributionTrainingData(distribution, value), distribution as IDisposable);
        }
        try
        {
            using var points = DataFile.LoadPoints(value);
            var dataset = new DatasetTrainingData(points, description: $"{value} ({Shapes.Format(points)})");
            return (dataset, dataset);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new UsageException($"{option}: {ErrorText.OneLine(e)}", e);
        }
    }
}
