using ScoreScope.Analysis;
using ScoreScope.Data;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Sampling;
using ScoreScope.Scores;
using ScoreScope.Spectra;
using ScoreScope.Training;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Infrastructure;

/// <summary>
/// A deterministic workload over the paths that pass TorchSharp scalars to native code — MLP and U-Net forward, a Heun
/// sampler with the exact score, training steps (loss, backward, Adam), an autograd Jacobian, forward cumulant tracking —
/// plus a loop of elementary scalar operations. Every result is flattened into one float64 fingerprint so a run under
/// GC pressure can be compared bit for bit with a run without. Shared by <c>ScalarLifetimeStressTests</c> and the
/// <c>scalar-stress</c> benchmark target (linked file).
/// </summary>
static class ScalarLifetimeWorkload
{
    /// <summary>Scalar-taking TorchSharp calls per iteration of the elementary loop in <see cref="Elementary"/>.</summary>
    public const int ElementaryOperationsPerIteration = 11;

    /// <summary>Runs every path once and returns the concatenated results.</summary>
    public static double[] MainPaths(ulong seed)
    {
        var fingerprint = new List<double>();
        using (var scope = NewDisposeScope())
        {
            fingerprint.AddRange(Mlp(seed));
            fingerprint.AddRange(UNet(seed));
            fingerprint.AddRange(Sampler(seed));
            fingerprint.AddRange(Jacobian(seed));
            fingerprint.AddRange(Cumulants(seed));
        }
        fingerprint.AddRange(Training(seed));
        return fingerprint.ToArray();
    }

    static double[] Values(Tensor t) => t.detach().to_type(ScalarType.Float64).flatten().data<double>().ToArray();

    static ScoreModelConfig MlpConfig => new([2], ForwardProcessSpec.VariancePreservingLinear(),
        new MlpOptions(Width: 32, Depth: 2, EmbeddingDimension: 16), ParametrisationKind.Edm, SigmaData: 1.0);

    static double[] Mlp(ulong seed)
    {
        using var model = ScoreModel.Create(MlpConfig, seed);
        using var g = Seeds.Generator(seed + 1);
        var x = randn([64, 2], dtype: ScalarType.Float64, generator: g);
        return [.. Values(model.Score(x, 0.05)), .. Values(model.Score(x, 0.5)), .. Values(model.Score(x, 0.95))];
    }

    static double[] UNet(ulong seed)
    {
        using var generator = Seeds.Generator(seed);
        using var network = new UNetScoreNetwork([2, 8, 8], new UNetOptions(BaseChannels: 8, ChannelMultipliers: [1, 2, 2], Groups: 4,
            CircularPadding: true, EmbeddingDimension: 16), generator);
        using var weights = Seeds.Generator(seed + 1);
        using (no_grad())
        {
            foreach (var p in network.parameters()) p.copy_(randn(p.shape, generator: weights).Multiply(0.3));
        }
        using var inputs = Seeds.Generator(seed + 2);
        var x = randn([3, 2, 8, 8], generator: inputs);
        using (no_grad()) return Values(network.forward(x, tensor(new float[] { -1f, 0f, 1f })));
    }

    static double[] Sampler(ulong seed)
    {
        var process = VariancePreservingProcess.WithBetaRange();
        using var ring = GaussianMixtureDistribution.Ring();
        var samples = SamplerRunner.Sample(new ProbabilityFlowHeunSampler(), ring.ScoreFunction(process), process, 256, [2],
            TimeGrid.Uniform(process, 16), new SamplingOptions(seed));
        return Values(samples);
    }

    static double[] Jacobian(ulong seed)
    {
        using var model = ScoreModel.Create(new ScoreModelConfig([6], ForwardProcessSpec.VarianceExplodingGeometric(),
            new MlpOptions(Width: 32, Depth: 2, EmbeddingDimension: 16), ParametrisationKind.Edm, SigmaData: 1.0), seed);
        using var g = Seeds.Generator(seed + 3);
        var x = randn([4, 6], dtype: ScalarType.Float64, generator: g);
        return Values(ScoreJacobians.Autograd(model, x, 0.4));
    }

    static double[] Cumulants(ulong seed)
    {
        var toy = new DoublePeakDistribution();
        using var g = Seeds.Generator(seed + 4);
        var x0 = toy.Sample(2000, g);
        var track = ForwardCumulantTracker.Track(x0, VariancePreservingProcess.WithBetaRange(), [0.1, 0.3], g, CumulantObservable.Site,
            null, options: new CumulantOptions(BootstrapReplicates: 10));
        return track.ToCsv().Split(',', '\n').Select(s => double.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : double.NaN)
            .Where(double.IsFinite).ToArray();
    }

    static double[] Training(ulong seed)
    {
        using var ring = GaussianMixtureDistribution.Ring();
        var options = new TrainingOptions
        {
            Steps = 15, BatchSize = 64, LearningRate = 1e-3, WarmupSteps = 5, EmaDecay = 0.99, Seed = seed,
            CheckpointEvery = 0, EvaluateEvery = 15, HeldOutSize = 64, TimeBuckets = 2,
        };
        using var trainer = new Trainer(MlpConfig, options, new DistributionTrainingData(ring, "gmm8"));
        trainer.Run();
        return trainer.Model.Network.parameters().SelectMany(Values).ToArray();
    }

    /// <summary>
    /// <paramref name="iterations"/> × <see cref="ElementaryOperationsPerIteration"/> scalar-taking operations (scale, shift,
    /// square, tensor sum, clamp, power, fill, divide, fused add, comparison, tensor sum) on a small tensor; returns its final values.
    /// </summary>
    public static double[] Elementary(long iterations, ulong seed)
    {
        using var scope = NewDisposeScope();
        using var gx = Seeds.Generator(seed);
        using var ga = Seeds.Generator(seed + 1);
        var x = randn([16], dtype: ScalarType.Float64, generator: gx);
        var a = randn([16], dtype: ScalarType.Float64, generator: ga);
        var buffer = zeros([16], dtype: ScalarType.Float64);
        for (long i = 0; i < iterations; i++)
        {
            using var step = NewDisposeScope();
            var y = x.Multiply(0.3).Add(0.1).Square().Add(a).Clamp(-4.0, 4.0).Power(0.5);
            buffer.FillInPlace(0.25);
            var z = y.nan_to_num().Divide(1.5).AddScaled(buffer, 0.5).Add(a.Less(0.0).to_type(ScalarType.Float64));
            x = z.MoveToOuterDisposeScope();
        }
        return Values(x);
    }
}
