using System.Diagnostics;
using System.Globalization;
using System.Text;
using ScoreScope.Analysis;
using ScoreScope.Experiments.Plotting;
using ScoreScope.Data;
using ScoreScope.IO;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Sampling;
using ScoreScope.Scores;
using ScoreScope.Training;
using static System.FormattableString;
using static TorchSharp.torch;

namespace ScoreScope.Experiments.Singular;

/// <summary>
/// Parts (b)–(d) of <c>reproduce singular</c>: for the circle and S² ⊂ R³, one MLP per parametrisation trained at an
/// equal budget (same network, steps, batch, seed, data/time/noise draws, log-uniform training times) on the OU process,
/// all minimising the same objective (ε-loss; for x̂₀ the denoiser loss with λ = a²/b² = 1/(e^τ − 1), identical
/// pointwise); relative score error against the exact score versus τ; Euler–Maruyama sampling on a geometric grid to
/// τ_min with and without the final projection x̂₀(x_{t_min}); pollution dist(x, M) with bootstrap errors; angular KS.
/// </summary>
internal static class SingularModelStage
{
    /// <summary>The name of the exact-score reference rows.</summary>
    public const string ExactName = "exact";

    const int HistogramBins = 60;
    const double HistogramLow = -7, HistogramHigh = 1;

    public static List<SingularComparisonRow> Run(string folder, SingularSettings settings, IExperimentProgress log, CancellationToken cancellationToken)
    {
        var rows = new List<SingularComparisonRow>();
        Directory.CreateDirectory(Path.Combine(folder, "samples"));
        var errorCsv = new StringBuilder("manifold,parametrisation,tau,t,relative_error,standard_error,n\n");
        foreach (var (manifold, dimension) in new[] { ("circle", 2), ("sphere", 3) })
        {
            var distribution = new UniformSphereDistribution(dimension);
            var spec = ForwardProcessSpec.OrnsteinUhlenbeck(settings.TimeScale);
            var process = spec.Build();
            double beta = settings.TimeScale;
            var taus = GeometricSpacing.Between(settings.ErrorMinimumTau, 1.0, settings.ErrorTimes);
            var curves = new List<(string, double[], double[])>();
            var histograms = new List<(string, double[], double[])>();
            Reference(folder, settings, manifold, distribution, process, rows, histograms, log, cancellationToken);
            foreach (string name in settings.Parametrisations)
            {
                cancellationToken.ThrowIfCancellationRequested();
                string modelFolder = Directory.CreateDirectory(Path.Combine(folder, "models", $"{manifold}-{name}")).FullName;
                using var trainer = Train(modelFolder, settings, manifold, distribution, spec, Parametrisation(name), cancellationToken, out double seconds);
                double heldOut = trainer.HeldOutLoss(trainer.EmaModel).Mean;
                log.Report(Invariant($"  trained {manifold}/{name}: {settings.TrainingSteps} steps in {seconds:F0} s, held-out loss {heldOut:G4}"));
                var model = trainer.EmaModel;

                var curve = ScoreErrorEvaluation.RelativeErrorCurve(model, distribution, process, taus.Select(tau => tau / beta).ToArray(),
                    settings.ErrorSamples, Seeds.Derive(settings.Seed, $"score-error-{manifold}"));
                foreach (var p in curve)
                    errorCsv.Append(CultureInfo.InvariantCulture, $"{manifold},{name},{p.Time * beta:R},{p.Time:R},{p.RelativeError:R},{p.StandardError:R},{p.SampleCount}\n");
                curves.Add((name, curve.Select(p => Math.Log10(p.Time * beta)).ToArray(), curve.Select(p => Math.Log10(p.RelativeError)).ToArray()));

                var (raw, projected) = Sample(settings, manifold, model, process, dimension, cancellationToken);
                foreach (var (samples, projection) in new[] { (raw, false), (projected, true) })
                {
                    string suffix = projection ? "-projected" : "";
                    NpyFile.Write(Path.Combine(folder, "samples", $"{manifold}-{name}{suffix}.npy"), samples);
                    var row = Measure(settings, manifold, name, projection, distribution, samples, curve[0], curve[^1], seconds, heldOut);
                    rows.Add(row);
                    histograms.Add(($"{name}{(projection ? " + projection" : "")}", BinCentres(), Histogram(distribution, samples)));
                    log.Report(Invariant($"    {manifold}/{name}{suffix}: median dist {row.Pollution?.Report.Median:G3}, q90 {row.Pollution?.Report.Quantile90:G3}, non-finite {row.NonFinite}"));
                }
                raw.Dispose();
                projected.Dispose();
                string checkpoint = Path.Combine(modelFolder, Trainer.CheckpointFileName);
                if (File.Exists(checkpoint)) File.Delete(checkpoint); // model.ckpt (EMA weights) is what the analysis uses
            }
            LinePlot.Write(Path.Combine(folder, $"score-error-{manifold}.png"), curves,
                $"{manifold}: relative score error E|s_θ − s|²/E|s|² (OU, τ = unit-rate time)", "log10 τ", "log10 relative error");
            LinePlot.Write(Path.Combine(folder, $"pollution-{manifold}.png"), histograms,
                Invariant($"{manifold}: dist(x, M) of {settings.SampleCount} samples (τ_min = {settings.SamplingMinimumTau:G3})"), "log10 dist(x, M)", "fraction of samples per bin");
        }
        File.WriteAllText(Path.Combine(folder, "score-error.csv"), errorCsv.ToString());
        return rows;
    }

    /// <summary>The floor: the same sampler, grid and noise driven by the exact score (parametrisation "exact", no training).</summary>
    static void Reference(string folder, SingularSettings settings, string manifold, UniformSphereDistribution distribution, ForwardProcess process,
        List<SingularComparisonRow> rows, List<(string, double[], double[])> histograms, IExperimentProgress log, CancellationToken cancellationToken)
    {
        var (raw, projected) = Sample(settings, manifold, distribution.ScoreFunction(process), process, distribution.AmbientDimension, cancellationToken);
        var none = new ScoreErrorPoint(settings.ErrorMinimumTau / settings.TimeScale, 0, 0, 0);
        foreach (var (samples, projection) in new[] { (raw, false), (projected, true) })
        {
            NpyFile.Write(Path.Combine(folder, "samples", $"{manifold}-{ExactName}{(projection ? "-projected" : "")}.npy"), samples);
            var row = Measure(settings, manifold, ExactName, projection, distribution, samples, none, none with { Time = 1.0 / settings.TimeScale }, 0, double.NaN);
            rows.Add(row);
            histograms.Add(($"{ExactName}{(projection ? " + projection" : "")}", BinCentres(), Histogram(distribution, samples)));
            log.Report(Invariant($"    {manifold}/{ExactName}{(projection ? "-projected" : "")}: median dist {row.Pollution?.Report.Median:G3}, q90 {row.Pollution?.Report.Quantile90:G3}"));
        }
        raw.Dispose();
        projected.Dispose();
    }

    static Trainer Train(string modelFolder, SingularSettings settings, string manifold, UniformSphereDistribution distribution,
        ForwardProcessSpec spec, ParametrisationKind kind, CancellationToken cancellationToken, out double seconds)
    {
        var times = new TimeSampling(TimeSamplingKind.LogUniform, settings.TrainingMinimumTau / settings.TimeScale, 1.0);
        var loss = kind == ParametrisationKind.Data
            ? new LossOptions(LossKind.Denoiser, times, LossWeightingKind.SignalToNoise)
            : new LossOptions(LossKind.DenoisingScoreMatching, times, LossWeightingKind.NoiseVariance, AntitheticNoise: false);
        var options = ExperimentTraining.Options(settings.TrainingSteps, settings.BatchSize, settings.LearningRate,
            Seeds.Derive(settings.Seed, $"train-{manifold}"), evaluations: 5) with
        {
            HeldOutSize = settings.Quick ? 1024 : 4096,
            Loss = loss,
        };
        var config = new ScoreModelConfig([distribution.AmbientDimension], spec, new MlpOptions(Width: settings.Width, Depth: settings.Depth), kind);
        var trainer = new Trainer(config, options, new DistributionTrainingData(distribution, manifold));
        try
        {
            var watch = Stopwatch.StartNew();
            trainer.Run(modelFolder, cancellationToken: cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            // Every training option (EMA, warm-up, optimiser, loss, times, seed), as stored in checkpoints.
            File.WriteAllText(Path.Combine(modelFolder, "training.json"), TrainingJson.Serialize(trainer.RunConfig) + "\n");
            seconds = watch.Elapsed.TotalSeconds;
            return trainer;
        }
        catch
        {
            trainer.Dispose();
            throw;
        }
    }

    /// <summary>Euler–Maruyama on the geometric grid to t_min; the second result is the final projection x̂₀(x_{t_min}).</summary>
    static (Tensor Raw, Tensor Projected) Sample(SingularSettings settings, string manifold, IScoreFunction model, ForwardProcess process,
        int dimension, CancellationToken cancellationToken)
    {
        double minimum = settings.SamplingMinimumTau / settings.TimeScale;
        var grid = TimeGrid.Geometric(process, settings.SamplingSteps, minimum);
        var options = new SamplingOptions(Seeds.Derive(settings.Seed, $"sample-{manifold}")) { BatchSize = settings.SampleCount };
        var raw = SamplerRunner.Sample(new EulerMaruyamaSampler(), model, process, settings.SampleCount, [dimension], grid, options, cancellationToken);
        // The same step SamplerRunner takes with SamplingOptions.DenoiseFinal (Tweedie: for an x̂₀ model exactly x̂₀(x_{t_min})),
        // applied to the same final states so that both variants share one trajectory.
        using var scope = NewDisposeScope();
        var projected = SamplerMath.Denoise(process, raw, SamplerMath.Score(model, raw, minimum), minimum);
        return (raw, projected.MoveToOuterDisposeScope());
    }

    static SingularComparisonRow Measure(SingularSettings settings, string manifold, string name, bool projection,
        UniformSphereDistribution distribution, Tensor samples, ScoreErrorPoint first, ScoreErrorPoint last, double seconds, double heldOut)
    {
        using var scope = NewDisposeScope();
        var finiteRows = samples.isfinite().all(1);
        int finite = (int)finiteRows.sum().item<long>();
        int nonFinite = (int)samples.shape[0] - finite;
        if (finite < 2) return new SingularComparisonRow(manifold, name, projection, null, nonFinite, null, first, last, seconds, heldOut);
        var kept = samples[finiteRows];
        var distances = distribution.Distance(kept).data<double>().ToArray();
        var pollution = PollutionEstimate.Bootstrap(distances, settings.Tolerance, settings.BootstrapReplicates,
            Seeds.Derive(settings.Seed, $"bootstrap-{manifold}-{name}-{projection}"));
        KolmogorovSmirnovResult angular;
        if (distribution.AmbientDimension == 2)
        {
            angular = CircularUniformityTest.Test(kept);
        }
        else
        {
            // Archimedes: the height z of a uniform point on S² is uniform on [−1, 1].
            var height = (kept[TensorIndex.Colon, 2] / kept.norm(1).ClampMin(1e-300)).data<double>().ToArray();
            angular = CircularUniformityTest.TestUniform(height.Select(z => (z + 1) / 2).ToArray());
        }
        return new SingularComparisonRow(manifold, name, projection, pollution, nonFinite, angular, first, last, seconds, heldOut);
    }

    static double[] Histogram(UniformSphereDistribution distribution, Tensor samples)
    {
        using var scope = NewDisposeScope();
        var distances = distribution.Distance(samples).data<double>().ToArray();
        var counts = new double[HistogramBins];
        double width = (HistogramHigh - HistogramLow) / HistogramBins;
        foreach (double d in distances)
        {
            if (!double.IsFinite(d)) continue;
            double u = (Math.Log10(Math.Max(d, 1e-300)) - HistogramLow) / width;
            counts[Math.Clamp((int)Math.Floor(u), 0, HistogramBins - 1)] += 1.0 / distances.Length;
        }
        return counts;
    }

    static double[] BinCentres()
    {
        double width = (HistogramHigh - HistogramLow) / HistogramBins;
        return Enumerable.Range(0, HistogramBins).Select(i => HistogramLow + (i + 0.5) * width).ToArray();
    }

    /// <summary>The parametrisation named by <paramref name="name"/> (noise, score, data).</summary>
    public static ParametrisationKind Parametrisation(string name) => name switch
    {
        "noise" => ParametrisationKind.Noise,
        "score" => ParametrisationKind.Score,
        "data" => ParametrisationKind.Data,
        _ => throw new ArgumentException($"unknown parametrisation '{name}'; expected noise, score or data", nameof(name)),
    };
}
