using ScoreScope.Data;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Sampling;
using ScoreScope.Scores;
using TorchSharp;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Sampling;

/// <summary>Determinism, batch-size independence, tensor hygiene, callbacks and cancellation of every sampler.</summary>
public sealed class SamplerRunnerTests
{
    const ulong Seed = 424242;

    public static TheoryData<string> SamplerNames() => new() { "euler-maruyama", "heun", "euler", "ancestral", "pc", "pc-ancestral" };

    static ISampler Create(string name) => name switch
    {
        "euler-maruyama" => new EulerMaruyamaSampler(),
        "heun" => new ProbabilityFlowHeunSampler(),
        "euler" => new ProbabilityFlowEulerSampler(),
        "ancestral" => new AncestralSampler(),
        "pc" => new PredictorCorrectorSampler(),
        "pc-ancestral" => new PredictorCorrectorSampler(new PredictorCorrectorOptions(CorrectorSteps: 2, StepScaling: LangevinStepScaling.Unit, Predictor: PredictorKind.Ancestral)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown sampler"),
    };

    static Tensor Run(string sampler, ulong seed, int batchSize, long count = 1000, int steps = 10, SamplingOptions? options = null)
    {
        var process = VariancePreservingProcess.WithBetaRange();
        using var ring = GaussianMixtureDistribution.Ring();
        return SamplerRunner.Sample(Create(sampler), ring.ScoreFunction(process), process, count, [2],
            TimeGrid.Uniform(process, steps), (options ?? new SamplingOptions(seed)) with { Seed = seed, BatchSize = batchSize });
    }

    [Theory]
    [MemberData(nameof(SamplerNames))]
    public void Same_seed_gives_identical_samples_and_another_seed_different_ones(string sampler)
    {
        using var a = Run(sampler, Seed, 512, count: 300);
        using var b = Run(sampler, Seed, 512, count: 300);
        using var c = Run(sampler, Seed + 1, 512, count: 300);
        Assert.True(SamplingFixtures.Identical(a, b), "same seed, different samples");
        Assert.False(SamplingFixtures.Identical(a, c), "different seeds, identical samples");
        Assert.Equal([300L, 2L], a.shape);
        Assert.Equal(ScalarType.Float64, a.dtype);
    }

    [Theory]
    [MemberData(nameof(SamplerNames))]
    public void Samples_do_not_depend_on_the_batch_size(string sampler)
    {
        // n = 1000 in batches of 100 (rounded up to one 256-sample noise block) and of 1000, with a score that is itself
        // batch-invariant (elementwise): the samples must be bitwise equal.
        var process = VariancePreservingProcess.WithBetaRange();
        var score = new SamplingFixtures.ElementwiseGaussianScore(process, 0.5, 2.0);
        var times = TimeGrid.Uniform(process, 10);
        using var small = SamplerRunner.Sample(Create(sampler), score, process, 1000, [2], times, new SamplingOptions(Seed) { BatchSize = 100 });
        using var large = SamplerRunner.Sample(Create(sampler), score, process, 1000, [2], times, new SamplingOptions(Seed) { BatchSize = 1000 });
        Assert.True(SamplingFixtures.Identical(small, large), $"batch sizes 100 and 1000 give different samples; max |Δ| = {(small - large).abs().max().item<double>():G3}");
    }

    [Theory]
    [MemberData(nameof(SamplerNames))]
    public void Samples_with_a_matrix_score_agree_across_batch_sizes_to_rounding(string sampler)
    {
        // The exact gmm8 score uses batched matrix products and exp/log, whose LibTorch CPU kernels may round the last
        // bit differently for different batch sizes; the sampler itself adds nothing batch-dependent.
        using var small = Run(sampler, Seed, 100);
        using var large = Run(sampler, Seed, 1000);
        double difference = (small - large).abs().max().item<double>();
        Assert.True(difference < 1e-12, $"batch sizes 100 and 1000 differ by {difference:G3}");
    }

    [Theory]
    [MemberData(nameof(SamplerNames))]
    public void Sampling_leaks_no_tensors_and_leaves_its_input_untouched(string sampler)
    {
        // Given
        var process = VarianceExplodingProcess.Geometric(0.01, 100.0);
        using var ring = GaussianMixtureDistribution.Ring();
        var score = ring.ScoreFunction(process);
        var times = TimeGrid.Karras(process, 5);
        using var x = randn([300, 2], dtype: ScalarType.Float64, generator: new Generator(1)).Multiply(100);
        using var copy = x.clone();
        int steps = 0;

        // When
        DisposeScopeManager.Statistics.Reset();
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        using (var direct = Create(sampler).Sample(score, process, x, times, new NoiseStream(Seed, 0, [300, 2]), _ => steps++))
        {
            Assert.NotSame(x, direct);
        }
        using (SamplerRunner.Sample(Create(sampler), score, process, 300, [2], times,
            new SamplingOptions(Seed) { BatchSize = 100, DenoiseFinal = true, OnStep = _ => steps++, OnProgress = _ => { } }))
        {
        }
        long after = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        // Then
        Assert.Equal(before, after);
        Assert.True(SamplingFixtures.Identical(x, copy), "the sampler modified its input");
        Assert.Equal(5 + 2 * 5, steps);
    }

    [Fact]
    public void Callback_reports_every_step_with_the_Tweedie_estimate()
    {
        // Given: the 10-D Gaussian, whose posterior mean is known in closed form
        var process = VariancePreservingProcess.WithBetaRange();
        using var gaussian = SamplingFixtures.Gaussian10();
        var times = TimeGrid.Uniform(process, 6);
        var seen = new List<(int Index, double Time, long First, double Error)>();
        var progress = new List<SamplingProgress>();
        var options = new SamplingOptions(Seed)
        {
            BatchSize = 256,
            OnStep = step =>
            {
                var a = process.A(step.Time);
                var b = process.B(step.Time);
                using var exact = gaussian.PosteriorMean(step.X, a, b);
                seen.Add((step.Index, step.Time, step.FirstSample, (step.Denoised - exact).abs().max().item<double>()));
            },
            OnProgress = progress.Add,
        };

        // When
        using var samples = SamplerRunner.Sample(new EulerMaruyamaSampler(), gaussian.ScoreFunction(process), process, 600, [10], times, options);

        // Then: 3 batches (256, 256, 88) × 6 steps
        Assert.Equal(18, seen.Count);
        Assert.Equal(new long[] { 0, 256, 512 }, seen.Select(s => s.First).Distinct());
        Assert.Equal(Enumerable.Range(0, 6), seen.Take(6).Select(s => s.Index));
        Assert.Equal(times.Take(6), seen.Take(6).Select(s => s.Time));
        Assert.True(seen.Max(s => s.Error) < 1e-12, $"denoised estimate differs from E[x₀|x] by {seen.Max(s => s.Error):G3}");
        Assert.Equal(new SamplingProgress(18, 18), progress[^1]);
        Assert.True(progress.Zip(progress.Skip(1)).All(p => p.Second.CompletedSteps >= p.First.CompletedSteps), "progress went backwards");
    }

    [Fact]
    public void Final_denoising_applies_Tweedie_at_t_min()
    {
        var process = VarianceExplodingProcess.Geometric(0.01, 100.0);
        using var gaussian = SamplingFixtures.Gaussian10();
        var times = TimeGrid.Uniform(process, 8, 0.05);
        using var plain = SamplerRunner.Sample(new ProbabilityFlowHeunSampler(), gaussian.ScoreFunction(process), process, 50, [10], times, new SamplingOptions(Seed));
        using var denoised = SamplerRunner.Sample(new ProbabilityFlowHeunSampler(), gaussian.ScoreFunction(process), process, 50, [10], times, new SamplingOptions(Seed) { DenoiseFinal = true });
        using var expected = gaussian.PosteriorMean(plain, process.A(0.05), process.B(0.05));
        Assert.True((denoised - expected).abs().max().item<double>() < 1e-12, "final denoising is not E[x₀ | x_{t_min}]");
    }

    [Fact]
    public void Cancellation_stops_sampling()
    {
        using var cancellation = new CancellationTokenSource();
        var options = new SamplingOptions(Seed) { OnStep = step => { if (step.Index == 2) cancellation.Cancel(); } };
        var process = VariancePreservingProcess.WithBetaRange();
        using var ring = GaussianMixtureDistribution.Ring();
        Assert.ThrowsAny<OperationCanceledException>(() => SamplerRunner.Sample(new EulerMaruyamaSampler(), ring.ScoreFunction(process), process,
            100, [2], TimeGrid.Uniform(process, 10), options, cancellation.Token));
    }

    [Fact]
    public void Invalid_arguments_are_rejected()
    {
        var process = VariancePreservingProcess.WithBetaRange();
        using var ring = GaussianMixtureDistribution.Ring();
        var score = ring.ScoreFunction(process);
        var times = TimeGrid.Uniform(process, 4);
        Assert.Throws<ArgumentOutOfRangeException>(() => SamplerRunner.Sample(new EulerMaruyamaSampler(), score, process, 0, [2], times, new SamplingOptions(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SamplerRunner.Sample(new EulerMaruyamaSampler(), score, process, 10, [2], times, new SamplingOptions(1) { BatchSize = 0 }));
        Assert.Throws<ArgumentException>(() => SamplerRunner.Sample(new EulerMaruyamaSampler(), score, process, 10, [2], [0.5, 0.6], new SamplingOptions(1)));
        using var x = zeros(4, 2, dtype: ScalarType.Float64);
        Assert.Throws<ArgumentNullException>(() => new EulerMaruyamaSampler().Sample(score, process, x, times, noise: null));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PredictorCorrectorSampler(new PredictorCorrectorOptions(SignalToNoiseRatio: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PredictorCorrectorSampler(new PredictorCorrectorOptions(CorrectorSteps: -1)));
        var wrongShape = new WrongShapeScore();
        var error = Assert.Throws<InvalidOperationException>(() => new ProbabilityFlowEulerSampler().Sample(wrongShape, process, x, times, noise: null));
        Assert.Contains("[4, 2]", error.Message);
    }

    [Fact]
    public void Effective_batch_size_is_a_whole_number_of_noise_blocks()
    {
        Assert.Equal(256, SamplerRunner.EffectiveBatchSize(new SamplingOptions(1) { BatchSize = 1 }));
        Assert.Equal(256, SamplerRunner.EffectiveBatchSize(new SamplingOptions(1) { BatchSize = 256 }));
        Assert.Equal(1024, SamplerRunner.EffectiveBatchSize(new SamplingOptions(1) { BatchSize = 1000 }));
        Assert.Equal(30, SamplerRunner.EffectiveBatchSize(new SamplingOptions(1) { BatchSize = 25, NoiseBlockSize = 10 }));
    }

    sealed class WrongShapeScore : IScoreFunction
    {
        public Tensor Score(Tensor x, double t) => zeros(x.shape[0], dtype: ScalarType.Float64);
    }
}
