using System.Diagnostics;
using System.Globalization;
using ScoreScope.Analysis;
using ScoreScope.Data;
using ScoreScope.IO;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Sampling;
using ScoreScope.Scores;
using ScoreScope.Training;
using static TorchSharp.torch;

namespace ScoreScope.Experiments.Cumulants;

/// <summary>
/// The work of <c>scorescope reproduce cumulants-toy</c> (Aarts et al. 2024, arXiv 2410.21212, §3): toy data, forward
/// tracking under VE and VP (g = σ^t) against the analytic law, Euler–Maruyama backward runs with the exact score from
/// the normal priors, MLPs trained on the data and backward runs with them (samples reflected x → −x as in the paper),
/// all tracked in κ_1..κ_8 with blocked-jackknife and bootstrap errors. Writes its files into a run folder; the
/// claims, table and plots are made by <see cref="CumulantsToyReport"/>.
/// </summary>
public sealed class CumulantsToyRun
{
    readonly CumulantsToySettings _settings;
    readonly IExperimentProgress _log;
    readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>Creates the run; <paramref name="log"/> receives one line per stage.</summary>
    public CumulantsToyRun(CumulantsToySettings settings, IExperimentProgress log)
    {
        _settings = settings;
        _log = log;
        Toy = new DoublePeakDistribution();
        Exact = [.. Enumerable.Range(1, CentralMoments.MaxOrder).Select(Toy.ExactCumulant)];
        VarianceExploding = VarianceExplodingProcess.WithDiffusionBase(settings.Sigma);
        VariancePreserving = VariancePreservingProcess.WithDiffusionBase(settings.Sigma);
        CumulantOptions = new CumulantOptions(BootstrapReplicates: settings.BootstrapReplicates, Seed: Seeds.Derive(settings.Seed, "bootstrap"));
    }

    /// <summary>The toy model (μ = 1, σ₀ = 0.25).</summary>
    public DoublePeakDistribution Toy { get; }

    /// <summary>κ_1..κ_8 of the toy data distribution.</summary>
    public double[] Exact { get; }

    /// <summary>VE with g = σ^t.</summary>
    public ForwardProcess VarianceExploding { get; }

    /// <summary>VP with β = σ^{2t}.</summary>
    public ForwardProcess VariancePreserving { get; }

    /// <summary>Blocking and bootstrap settings of every estimate.</summary>
    public CumulantOptions CumulantOptions { get; }

    /// <summary>Seconds spent per stage.</summary>
    public Dictionary<string, double> StageSeconds { get; } = [];

    /// <summary>Final training metrics per trained model.</summary>
    public Dictionary<string, TrainingMetrics?> Training { get; } = [];

    /// <summary>Relative L2 error of each trained score against the exact tanh score, by time.</summary>
    public Dictionary<string, IReadOnlyList<ScoreErrorPoint>> ScoreErrors { get; } = [];

    /// <summary>Runs every stage into <paramref name="folder"/> and returns the tracked runs by name.</summary>
    public Dictionary<string, TrackedRun> Run(string folder, CancellationToken cancellationToken)
    {
        var runs = new Dictionary<string, TrackedRun>();
        using var data = Stage("data", () =>
        {
            using var g = Seeds.Generator(Seeds.Derive(_settings.Seed, "data"));
            var x = Toy.Sample(_settings.Samples, g);
            NpyFile.Write(Path.Combine(folder, "data.npy"), x);
            return x;
        });
        foreach (var (name, process) in Processes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            runs[$"forward-{name}"] = Stage($"forward-{name}", () => Forward(folder, name, process, data));
        }
        runs["data"] = TrackedRun.FromTrack("data", runs["forward-ve"].Track, atLastTime: false);
        foreach (var (name, process) in Processes())
            runs[$"{name}-exact"] = Stage($"{name}-exact", () => Backward(folder, $"{name}-exact", process, Toy.ScoreFunction(process),
                _settings.ExactSamples, reflect: false, cancellationToken));
        foreach (var (name, process) in Processes())
        {
            string modelFile = Stage($"{name}-train", () => Train(folder, name, data, cancellationToken));
            using var model = ScoreModelFile.Load(modelFile);
            ScoreErrors[name] = ScoreError(Path.GetDirectoryName(modelFile)!, model, process);
            runs[$"{name}-trained"] = Stage($"{name}-trained", () => Backward(folder, $"{name}-trained", process, model,
                _settings.TrainedSamples, reflect: true, cancellationToken));
        }
        return runs;
    }

    /// <summary>The two processes with their short names.</summary>
    public IEnumerable<(string Name, ForwardProcess Process)> Processes()
    {
        yield return ("ve", VarianceExploding);
        yield return ("vp", VariancePreserving);
    }

    /// <summary>The analytic forward law κ_n(t) = a(t)ⁿκ_n(0) + δ_{n2}b(t)² of the toy data under <paramref name="process"/>.</summary>
    public double[] Analytic(ForwardProcess process, double t) => ForwardCumulantLaw.Predict(process, t, Exact);

    TrackedRun Forward(string folder, string name, ForwardProcess process, Tensor data)
    {
        var times = Enumerable.Range(0, _settings.ForwardIntervals + 1).Select(k => (double)k / _settings.ForwardIntervals).ToArray();
        using var g = Seeds.Generator(Seeds.Derive(_settings.Seed, $"forward-{name}"));
        var track = ForwardCumulantTracker.Track(data, process, times, g, CumulantObservable.Site, Exact, options: CumulantOptions);
        File.WriteAllText(Path.Combine(folder, $"forward-{name}.csv"), track.ToCsv());
        return TrackedRun.FromTrack($"forward-{name}", track);
    }

    TrackedRun Backward(string folder, string name, ForwardProcess process, IScoreFunction score, long count, bool reflect,
        CancellationToken cancellationToken)
    {
        // Uniform Euler–Maruyama grid from T = 1 down to t = 0 (the last step evaluates the score at t = 1/N and
        // adds its noise, a consistent discretisation; Aarts et al.'s code uses dτ = 1/N and skips the last noise).
        var times = Enumerable.Range(0, _settings.SamplingSteps + 1).Select(i => 1.0 - (double)i / _settings.SamplingSteps).ToArray();
        times[^1] = 0;
        var recorder = new CumulantRecorder(CumulantObservable.Site,
            i => i % _settings.RecordEvery == 0 || i == _settings.SamplingSteps, CumulantOptions);
        void Record(int index, double t, Tensor x)
        {
            if (!reflect) { recorder.Record(index, t, x); return; }
            // Z2 augmentation: each sample and its mirror image in adjacent rows, so the pair stays in one error block.
            using var scope = NewDisposeScope();
            recorder.Record(index, t, stack([x, -x], dim: 1).reshape(-1, x.shape[1]));
        }
        var options = new SamplingOptions(Seeds.Derive(_settings.Seed, name))
        {
            BatchSize = _settings.BatchSize,
            OnStep = s => Record(s.Index, s.Time, s.X),
        };
        using var final = SamplerRunner.Sample(new EulerMaruyamaSampler(), score, process, count, [1], times, options, cancellationToken);
        Record(_settings.SamplingSteps, 0, final);
        NpyFile.Write(Path.Combine(folder, $"{name}.npy"), reflect ? stack([final, -final], dim: 1).reshape(-1, 1) : final);
        var track = recorder.ToTrack(t => Analytic(process, t));
        File.WriteAllText(Path.Combine(folder, $"backward-{name}.csv"), track.ToCsv());
        return TrackedRun.FromTrack(name, track);
    }

    string Train(string folder, string name, Tensor data, CancellationToken cancellationToken)
    {
        var spec = name == "ve"
            ? ForwardProcessSpec.VarianceExplodingDiffusionBase(_settings.Sigma)
            : ForwardProcessSpec.VariancePreservingDiffusionBase(_settings.Sigma);
        var config = new ScoreModelConfig([1], spec,
            new MlpOptions(_settings.Width, _settings.Depth, _settings.EmbeddingDimension), ParametrisationKind.Edm);
        var options = ExperimentTraining.Options(_settings.TrainingSteps, _settings.TrainBatchSize, _settings.LearningRate,
            Seeds.Derive(_settings.Seed, $"train-{name}"), evaluations: 10);
        using var trainingData = new DatasetTrainingData(data, description: $"double-peak toy (μ = 1, σ₀ = 0.25), {data.shape[0]} samples");
        using var trainer = new Trainer(config, options, trainingData);
        string directory = Directory.CreateDirectory(Path.Combine(folder, $"{name}-model")).FullName;
        var result = trainer.Run(directory, cancellationToken: cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        Training[name] = result.LastMetrics;
        return result.ModelPath ?? throw new InvalidOperationException($"training of the {name} model stopped at step {result.Step} without a model file.");
    }

    IReadOnlyList<ScoreErrorPoint> ScoreError(string directory, ScoreModel model, ForwardProcess process)
    {
        double[] times = [0.001, 0.01, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1.0];
        var curve = ScoreErrorEvaluation.RelativeErrorCurve(model, Toy, process, times, 20_000, Seeds.Derive(_settings.Seed, "score-error"));
        File.WriteAllText(Path.Combine(directory, "score-error.csv"), "t,relative_error,standard_error,samples\n" + string.Concat(
            curve.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Time:R},{p.RelativeError:R},{p.StandardError:R},{p.SampleCount}\n"))));
        return curve;
    }

    T Stage<T>(string name, Func<T> work)
    {
        var start = _clock.Elapsed;
        _log.Report(string.Create(CultureInfo.InvariantCulture, $"[{start.TotalSeconds,7:F1} s] {name} ..."));
        var result = work();
        StageSeconds[name] = (_clock.Elapsed - start).TotalSeconds;
        _log.Report(string.Create(CultureInfo.InvariantCulture, $"[{_clock.Elapsed.TotalSeconds,7:F1} s] {name} done in {StageSeconds[name]:F1} s"));
        return result;
    }
}
