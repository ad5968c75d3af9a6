using ScoreScope.Analysis;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using ScoreScope.Cli.Errors;
using ScoreScope.Cli.Plotting;
using ScoreScope.Cli.Settings;
using ScoreScope.Cli.Tables;
using ScoreScope.Cli.Terminal;
using ScoreScope.Data;
using ScoreScope.IO;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Sampling;
using ScoreScope.Scores;
using static TorchSharp.torch;

namespace ScoreScope.Cli.Runs;

/// <summary>
/// One <c>sample</c> run: every name resolved to a library object up front (<see cref="Prepare"/>, which is where bad
/// input surfaces, before anything is written), then <see cref="Run"/> samples, draws fresh true samples, computes the
/// metrics and writes samples.npy, metrics.json, samples.png and config.json into a folder.
/// </summary>
/// <remarks>
/// Seeds: the sampler's noise uses the run seed (per-sample noise blocks, so the result does not depend on the batch
/// size); the reference samples use Seeds.Derive(seed, "reference-samples"), the sliced-Wasserstein baseline set
/// Seeds.Derive(seed, "baseline-samples"), the metrics their own derived streams.
/// </remarks>
public sealed class SampleJob : IDisposable
{
    /// <summary>The files of a sample run folder.</summary>
    public static readonly IReadOnlyList<string> Files = ["samples.npy", "metrics.json", "samples.png", "config.json"];

    /// <summary>The extra file of <c>--data mnist</c>: a grid of the first 64 samples as images.</summary>
    public const string MnistGridFile = "samples_grid.png";

    readonly SampleSettings _settings;
    readonly ExactDistribution _data;
    readonly ForwardProcess _process;
    readonly IScoreFunction _score;
    readonly ISampler _sampler;
    readonly double[] _times;
    readonly Device _device;
    readonly Dictionary<string, string> _resolved;
    Tensor? _start;

    SampleJob(SampleSettings settings, ExactDistribution data, ForwardProcess process, IScoreFunction score,
        ISampler sampler, double[] times, Device device, Dictionary<string, string> resolved)
    {
        (_settings, _data, _process, _score, _sampler, _times, _device, _resolved) =
            (settings, data, process, score, sampler, times, device, resolved);
    }

    /// <summary>Resolves every name of validated <paramref name="settings"/> (seed set) to library objects.</summary>
    /// <exception cref="UsageException">When a library factory rejects a value, or a data file cannot be loaded.</exception>
    public static SampleJob Prepare(SampleSettings settings, SettingOrigins origins, IEnumerable<string> commandLine,
        Action<string>? onWarning = null)
    {
        var device = DeviceTable.Create(settings.Device, origins.Describe("device"));
        // With --model the checkpoint is the one source of truth for the process: the sampler, the time grid and the
        // model's own parametrisation all use the ForwardProcess the model rebuilt from its recorded spec.
        var trained = settings.Model is { } model ? TrainedRun.Open(model, origins.Describe("model")).Load(device, origins.Describe("model"), onWarning) : null;
        var process = trained?.Process ?? UsageGuard.Run(() => SettingsResolution.CreateProcess(settings), origins.Describe("process"));
        double tMin = settings.SigmaEnd is { } sigmaEnd ? TimeAtSigmaEnd(process, sigmaEnd, origins.Describe("sigma-end")) : settings.TMin;
        if (settings.TStart is { } tStart && !(tStart > tMin))
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"{origins.Describe("t-start")} {tStart:R} must be above t_min = {tMin:R}, where {origins.Describe("sigma-end")} ends sampling; valid: ({tMin:R}, 1]"));
        var times = UsageGuard.Run(() => TimeGridTable.Create(settings.Grid, process, settings.Steps, tMin, settings.TStart), origins.Describe("grid"));
        var sampler = UsageGuard.Run(() => SamplerTable.Create(settings.Sampler, settings.Snr, settings.Rtol, settings.Atol), origins.Describe("sampler"));
        var data = DatasetTable.Create(settings.Data, origins.Describe("data"));
        long eventSize = data.EventShape.Aggregate(1L, (p, d) => p * d);
        SettingChecks.FitsInMemory(settings.N, data.EventShape,
            string.Create(CultureInfo.InvariantCulture, $"sampling {settings.N} × {eventSize} values with the metric suite"), origins.Describe("n"));
        IScoreFunction score = trained ?? UsageGuard.Run(() => ScoreTable.Create(settings.Score, data, process), origins.Describe("score"));
        var resolved = new Dictionary<string, string>
        {
            ["command-line"] = "scorescope " + string.Join(' ', commandLine.Select(Quote)),
            ["data"] = data.ToString() ?? settings.Data,
            ["event-shape"] = Shapes.Format(data.EventShape),
            ["process"] = process.ToString() ?? settings.Process,
            ["sampler"] = sampler.ToString() ?? settings.Sampler,
            ["time-grid"] = string.Create(CultureInfo.InvariantCulture, $"{settings.Grid}: {times.Length - 1} steps from t = {times[0]} to t = {times[^1]}"),
            ["end-noise-to-signal"] = string.Create(CultureInfo.InvariantCulture, $"σ(t_min) = b/a = {process.NoiseToSignal(times[^1]):R}{(settings.SigmaEnd is null ? "" : " (from --sigma-end)")}"),
            ["seed-source"] = origins.IsFlag("seed") ? "--seed" : origins.IsGiven("seed") ? "--config" : "drawn",
            ["torchsharp-version"] = typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "unknown",
        };
        if (!DatasetTable.IsBuiltIn(settings.Data))
        {
            using var stream = File.OpenRead(settings.Data);
            resolved["data-sha256"] = Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        Tensor? start = null;
        if (settings.From is { } from)
        {
            start = LoadStart(from, origins.Describe("from"));
            var shape = start.shape[1..];
            if (!shape.SequenceEqual(data.EventShape))
            {
                long size = data.EventShape.Aggregate(1L, (p, d) => p * d);
                if (!(start.dim() == 2 && start.shape[1] == size))
                    throw new UsageException($"{origins.Describe("from")} '{from}': states of shape {Shapes.Format(shape)} do not match the data's event shape {Shapes.Format(data.EventShape)}");
                start = start.reshape([start.shape[0], .. data.EventShape]);
            }
            using var stream = File.OpenRead(from);
            resolved["from-sha256"] = Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        return new SampleJob(settings, data, process, score, sampler, times, device, resolved) { _start = start };
    }

    /// <summary>Runs the job, writing every file of <see cref="Files"/> into <paramref name="folder"/>.</summary>
    /// <param name="folder">An existing, empty folder.</param>
    /// <param name="board">Where progress bars go.</param>
    /// <param name="log">Where stage timings go (stderr with --verbose), or null.</param>
    /// <param name="cancellationToken">Checked between sampler steps and stages.</param>
    public SampleRunResult Run(string folder, ProgressBoard board, TextWriter? log, CancellationToken cancellationToken)
    {
        // libtorch's thread count is process-global: set it for this run only.
        return TorchThreads.With(_settings.Threads, () => RunWithThreads(folder, board, log, cancellationToken));
    }

    SampleRunResult RunWithThreads(string folder, ProgressBoard board, TextWriter? log, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var lap = Stopwatch.StartNew();
        void Lap(string stage)
        {
            log?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {stage}: {lap.Elapsed.TotalSeconds:F2} s"));
            lap.Restart();
        }
        ulong seed = _settings.Seed ?? throw new InvalidOperationException("the seed must be resolved before running.");
        using var scope = NewDisposeScope();

        long batches = (_settings.N + _settings.Batch - 1) / _settings.Batch;
        var sampling = board.AddStage($"sampling ({_settings.Sampler}, {_settings.Steps} steps)", batches * _settings.Steps);
        var options = new SamplingOptions(seed)
        {
            BatchSize = _settings.Batch,
            DenoiseFinal = _settings.Denoise,
            Device = _device,
            OnProgress = p => sampling.SetValue(p.CompletedSteps),
        };
        var samples = (_start is null
            ? SamplerRunner.Sample(_sampler, _score, _process, _settings.N, _data.EventShape, _times, options, cancellationToken)
            : SamplerRunner.SampleFrom(_sampler, _score, _process, _start, _times, options, cancellationToken)).cpu();
        sampling.Complete();
        Lap($"sampling {_settings.N} × {_settings.Steps} steps ({_sampler})");
        var stored = samples.to_type(StorageType(_settings.Dtype));
        long nonFinite = stored.isfinite().logical_not().sum().item<long>();
        if (nonFinite > 0)
        {
            double largest = samples.abs().nan_to_num().max().item<double>();
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{nonFinite} of {stored.numel()} sample values are not finite as {_settings.Dtype} (largest finite |x| before storing: {largest:G3}); the process's noise scale is probably too large (e.g. --sigma-max); nothing was written"));
        }
        NpyFile.Write(Path.Combine(folder, "samples.npy"), stored);

        var evaluation = board.AddStage("metrics against fresh true samples", 3);
        using var referenceGenerator = Seeds.Generator(Seeds.Derive(seed, "reference-samples"));
        using var baselineGenerator = Seeds.Generator(Seeds.Derive(seed, "baseline-samples"));
        var reference = _data.Sample(_settings.N, referenceGenerator);
        var baseline = _data.Sample(_settings.N, baselineGenerator);
        evaluation.Advance(1);
        Lap("reference samples");
        cancellationToken.ThrowIfCancellationRequested();
        var metrics = SampleMetrics.Compute(samples, reference, baseline, _data, seed);
        if (_sampler is DormandPrinceSampler adaptive)
        {
            var (evaluations, accepted, rejected) = adaptive.Statistics;
            metrics.Json["function-evaluations"] = evaluations;
            metrics.Json["accepted-steps"] = accepted;
            metrics.Json["rejected-steps"] = rejected;
        }
        File.WriteAllText(Path.Combine(folder, "metrics.json"), metrics.Json.ToJsonString(ConfigJson.SerializerOptions) + "\n");
        evaluation.Advance(1);
        Lap("metrics");
        cancellationToken.ThrowIfCancellationRequested();

        var projection = PlaneProjection.Create(samples, reference);
        ScatterOverlayPlot.Write(Path.Combine(folder, "samples.png"), projection.Reference, projection.Samples,
            $"{_settings.Data switch { var d when DatasetTable.IsBuiltIn(d) => d, var d => Path.GetFileName(d) }}: " +
            $"{_settings.Process}, {_settings.Sampler}, {_settings.Steps} steps",
            projection.XLabel, projection.YLabel);
        var files = Files;
        if (_settings.Data == "mnist")
        {
            // Image data: the first 64 samples as 28×28 digits, pixel values p/127.5 − 1 ∈ [−1, 1] mapped to grey.
            using var flat = samples.to_type(ScalarType.Float32).contiguous();
            ScoreScope.Experiments.Plotting.ImageGridPlot.Write(Path.Combine(folder, MnistGridFile), flat.data<float>().ToArray(), ScoreScope.Data.MnistSubset.Side, -1, 1);
            files = [.. Files, MnistGridFile];
        }
        evaluation.Complete();
        Lap("plot");

        _resolved["elapsed-seconds"] = clock.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture);
        _resolved["created-utc"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        ConfigJson.Write(folder, "sample", _settings, _resolved);
        return new SampleRunResult(samples.shape, _settings.Dtype, seed, metrics.Rows, files, clock.Elapsed);
    }

    /// <summary>The number of states (rows) in the --from file <paramref name="path"/>.</summary>
    /// <exception cref="UsageException">When the file cannot be read as points.</exception>
    public static long StartStateCount(string path, string option)
    {
        using var states = LoadStart(path, option);
        return states.shape[0];
    }

    static Tensor LoadStart(string path, string option)
    {
        Tensor states;
        try
        {
            states = DataFile.LoadPoints(path).to_type(ScalarType.Float64);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new UsageException($"{option}: {Errors.ErrorText.OneLine(e)} (expected an N × d .npy of float32/float64 or a numeric .csv, one state per line)", e);
        }
        if (!states.isfinite().all().item<bool>())
        {
            states.Dispose();
            throw new UsageException($"{option} '{path}': contains NaN or infinite values");
        }
        return states;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _start?.Dispose();
        (_data as IDisposable)?.Dispose();
        (_score as IDisposable)?.Dispose();
    }

    /// <summary>The data distribution (the reference of the metrics).</summary>
    public ExactDistribution Data => _data;

    /// <summary>The forward process.</summary>
    public ForwardProcess Process => _process;

    /// <summary>The score the sampler follows.</summary>
    public IScoreFunction Score => _score;

    static ScalarType StorageType(string dtype) => dtype switch
    {
        "float32" => ScalarType.Float32,
        "float64" => ScalarType.Float64,
        _ => throw new UsageException($"--dtype: unknown value '{dtype}'; valid: float32, float64"),
    };

    static string Quote(string token) => token.Any(char.IsWhiteSpace) ? $"'{token}'" : token;

    /// <summary>t_min = σ⁻¹(σ_end): the time at which the process's noise-to-signal ratio b/a reaches <paramref name="sigmaEnd"/>.</summary>
    /// <exception cref="UsageException">When σ_end is outside (σ(0), σ(T)), the range the process reaches before T.</exception>
    static double TimeAtSigmaEnd(ForwardProcess process, double sigmaEnd, string name)
    {
        double low = process.NoiseToSignal(0), high = process.NoiseToSignal(process.EndTime);
        if (!(sigmaEnd > low && sigmaEnd < high))
            throw new UsageException(string.Create(CultureInfo.InvariantCulture,
                $"{name} {sigmaEnd:R}: not a noise-to-signal ratio this process passes through before T; valid: ({low:G6}, {high:G6}) ({process})"));
        return process.TimeAtNoiseToSignal(sigmaEnd);
    }
}
