using ScoreScope.Data;
using ScoreScope.Likelihood;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Scores;
using ScoreScope.Tests.Sampling;
using ScoreScope.Training;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Likelihood;

/// <summary>
/// Hutchinson's estimator on a trained MLP score (d = 10): unbiased against the exact trace within 4 SE per point, with
/// a standard error that shrinks as 1/√K.
/// </summary>
public sealed class HutchinsonDivergenceTests(ITestOutputHelper output)
{
    const ulong PointSeed = 5150, ProbeSeed = 6160;
    const int Points = 50;
    const double Time = 0.3;

    /// <summary>A trainer after 300 steps on gaussian10 (its EMA model is the score; dispose the trainer after use).</summary>
    static Trainer TrainedMlp()
    {
        using var data = SamplingFixtures.Gaussian10();
        var config = new ScoreModelConfig([10], ForwardProcessSpec.VariancePreservingLinear(),
            new MlpOptions(Width: 64, Depth: 2, EmbeddingDimension: 16), ParametrisationKind.Edm);
        var options = new TrainingOptions
        {
            Steps = 300, BatchSize = 128, LearningRate = 2e-3, WarmupSteps = 10, EmaDecay = 0.99, Seed = 42,
            CheckpointEvery = 1000, EvaluateEvery = 1000, HeldOutSize = 128, TimeBuckets = 4,
        };
        var trainer = new Trainer(config, options, new DistributionTrainingData(data, "gaussian10"));
        trainer.Run();
        return trainer;
    }

    /// <summary>Per point: the mean over K probes and its standard error (sample SD / √K).</summary>
    static (Tensor Mean, Tensor StandardError) Estimate(ScoreModel model, Tensor x, ProbeDistribution law, int probes)
    {
        using var generator = Seeds.Generator(Seeds.Derive(ProbeSeed, $"{law}-{probes}"));
        var draws = ScoreDivergence.DrawProbes(law, probes, x.shape, generator);
        var estimates = ScoreDivergence.Hutchinson(model, x, Time, draws);
        return (estimates.mean([0]), estimates.std(0, unbiased: true).Divide(Math.Sqrt(probes)));
    }

    [Theory]
    [InlineData(ProbeDistribution.Rademacher)]
    [InlineData(ProbeDistribution.Gaussian)]
    public void Hutchinson_mean_is_within_4_SE_of_the_exact_divergence_and_its_SE_falls_as_one_over_root_K(ProbeDistribution law)
    {
        using var scope = NewDisposeScope();
        using var trainer = TrainedMlp();
        var model = trainer.EmaModel;
        var process = model.Process;
        using var data = SamplingFixtures.Gaussian10();
        var x = SamplingFixtures.MarginalSamples(data, process, Time, Points, PointSeed);
        Assert.Equal(Points, x.shape[0]);
        var exact = ScoreDivergence.Exact(model, x, Time);
        var (mean64, se64) = Estimate(model, x, law, 64);
        var (mean256, se256) = Estimate(model, x, law, 256);
        var z = ((mean256 - exact) / se256).abs();
        double maxZ = z.max().item<double>(), ratio = (se64.mean() / se256.mean()).item<double>();
        output.WriteLine($"{law}: exact divergence mean {exact.mean().item<double>():F4}; K = 256: max |z| = {maxZ:F2} over {Points} points, " +
                         $"mean SE {se256.mean().item<double>():E3}; K = 64 mean SE {se64.mean().item<double>():E3}; ratio {ratio:F3} (√4 = 2)");
        Assert.True(maxZ < 4, $"Hutchinson mean (K = 256) differs from the exact trace by {maxZ:F2} SE (SE = probe SD/√K) at some point; tolerance 4 SE");
        // The SE estimate itself has relative error ≈ 1/√(2K) per point; averaged over 50 points the ratio is known to ≈ 2 %.
        Assert.InRange(ratio, 1.8, 2.2);
    }
}
