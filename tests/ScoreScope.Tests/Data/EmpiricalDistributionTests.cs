using ScoreScope.Data;
using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Data;

public sealed class EmpiricalDistributionTests
{
    const ulong Seed = 20251126;

    /// <summary>50 points in 3-D, stored as [50, 3, 1] to exercise event flattening, offset from the origin.</summary>
    static Tensor Points(long count = 50)
    {
        using var g = Seeds.Generator(Seed);
        return randn([count, 3, 1], dtype: ScalarType.Float64, generator: g).Multiply(1.5).Add(2.0);
    }

    /// <summary>log Σᵢ wᵢ N(x; a·yᵢ, b²I) and the softmax-weighted mean of the yᵢ from the full distance matrix.</summary>
    static (Tensor LogDensity, Tensor PosteriorMean) BruteForce(Tensor y, Tensor w, Tensor x, double a, double b)
    {
        using var scope = NewDisposeScope();
        long d = y.shape[1];
        var squaredDistances = (x.unsqueeze(1) - y.unsqueeze(0).Multiply(a)).Square().sum(2);
        var logJoint = (w.log().unsqueeze(0) - squaredDistances.Divide(2 * b * b)).Subtract(0.5 * d * Math.Log(2 * Math.PI * b * b));
        var posterior = logJoint.softmax(1).matmul(y);
        return (logJoint.logsumexp(1).MoveToOuterDisposeScope(), posterior.MoveToOuterDisposeScope());
    }

    static double MaxRelativeError(Tensor actual, Tensor expected) =>
        (actual - expected).abs().max().item<double>() / Math.Max(1, expected.abs().max().item<double>());

    [Fact]
    public void Event_shape_is_the_flattened_point_shape()
    {
        using var points = Points();
        using var empirical = new EmpiricalDistribution(points);
        Assert.Equal([3L], empirical.EventShape);
        Assert.Equal(50, empirical.Count);
        Assert.Equal(ScalarType.Float64, empirical.ComputeType);
    }

    [Fact]
    public void Score_equals_autograd_of_log_density()
    {
        using var points = Points();
        using var empirical = new EmpiricalDistribution(points, chunkSize: 7);
        ExactDistributionChecks.ScoreMatchesAutograd(empirical, Seed + 1);
    }

    [Fact]
    public void Weighted_score_equals_autograd_of_log_density()
    {
        using var points = Points();
        using var w2 = Seeds.Generator(Seed + 2);
        using var weights = rand([50], dtype: ScalarType.Float64, generator: w2).Add(0.1);
        using var empirical = new EmpiricalDistribution(points, weights, chunkSize: 16);
        ExactDistributionChecks.ScoreMatchesAutograd(empirical, Seed + 3);
    }

    [Fact]
    public void Posterior_mean_equals_tweedie()
    {
        using var points = Points();
        using var empirical = new EmpiricalDistribution(points);
        ExactDistributionChecks.PosteriorMeanMatchesTweedie(empirical, Seed + 4);
    }

    [Fact]
    public void Log_density_and_posterior_mean_equal_the_brute_force_mixture()
    {
        using var scope = NewDisposeScope();
        var points = Points();
        using var w5 = Seeds.Generator(Seed + 5);
        var weights = rand([50], dtype: ScalarType.Float64, generator: w5).Add(0.1);
        using var empirical = new EmpiricalDistribution(points, weights, chunkSize: 9);
        var y = points.reshape(50, 3);
        foreach (var (a, b) in ExactDistributionChecks.Coefficients)
        {
            var x = ExactDistributionChecks.PerturbedSamples(empirical, 40, a, b, Seed + 6);
            var (logDensity, posteriorMean) = BruteForce(y, weights / weights.sum(), x, a, b);
            double logError = MaxRelativeError(empirical.LogDensity(x, a, b), logDensity);
            double meanError = MaxRelativeError(empirical.PosteriorMean(x, a, b), posteriorMean);
            Assert.True(logError <= 1e-12, $"a = {a}, b = {b}: log-density relative error {logError:G3}");
            Assert.True(meanError <= 1e-12, $"a = {a}, b = {b}: posterior-mean relative error {meanError:G3}");
        }
    }

    [Theory]
    [InlineData(1L, 1L << 24)]
    [InlineData(3L, 1L << 24)]
    [InlineData(7L, 20L)]
    [InlineData(null, 64L)]
    public void Chunked_score_equals_the_unchunked_score(long? chunkSize, long maximumBlockElements)
    {
        using var scope = NewDisposeScope();
        var points = Points();
        using var whole = new EmpiricalDistribution(points, chunkSize: 50);
        using var chunked = new EmpiricalDistribution(points, chunkSize: chunkSize, maximumBlockElements: maximumBlockElements);
        foreach (var (a, b) in ExactDistributionChecks.Coefficients)
        {
            var x = ExactDistributionChecks.PerturbedSamples(whole, 33, a, b, Seed + 7);
            double error = MaxRelativeError(chunked.Score(x, a, b), whole.Score(x, a, b));
            Assert.True(error <= 1e-12, $"chunk {chunkSize}, block ≤ {maximumBlockElements}, a = {a}, b = {b}: relative error {error:G3}");
        }
    }

    [Theory]
    [InlineData(ScalarType.Float64)]
    [InlineData(ScalarType.Float32)]
    public void A_later_chunk_far_above_the_first_is_rescaled_exactly(ScalarType dtype)
    {
        // Given the first chunk far from the query and the nearest point in the last chunk, the shifted weights of the
        // last chunk overflow (logit gap ≈ 10⁴ ≫ 709), which forces the exact rescaling branch of the sweep.
        using var scope = NewDisposeScope();
        var points = tensor(new[] { 30.0, 30, -30, 30, 25, -25, 1, 1, 1.2, 0.9 }, [5, 2]).to_type(dtype);
        using var empirical = new EmpiricalDistribution(points, chunkSize: 2);
        // The middle query sits by the first point, so only the other two rows overflow and are recomputed.
        var x = tensor(new[] { 1.05, 0.97, 29.9, 30.05, 1.1, 0.95 }, [3, 2]).to_type(dtype);
        var (_, expected) = BruteForce(points.to_type(ScalarType.Float64), ScalarArithmetic.Full([5], 0.2, ScalarType.Float64), x.to_type(ScalarType.Float64), 1.0, 0.1);
        var actual = empirical.PosteriorMean(x, 1.0, 0.1).to_type(ScalarType.Float64);
        double error = MaxRelativeError(actual, expected);
        // float32 logits carry an absolute error of about ε₃₂·|x̃||ỹ|a/b² ≈ 6e-8·42·42/0.01 ≈ 1e-2, which moves the
        // posterior mean by at most that times the 0.2 spread of the near points: 2e-3.
        Assert.True(error <= (dtype == ScalarType.Float64 ? 1e-12 : 2e-3), $"{dtype}: relative error {error:G3}");
    }

    [Fact]
    public void In_place_and_differentiable_sweeps_agree()
    {
        using var scope = NewDisposeScope();
        using var empirical = new EmpiricalDistribution(Points(), chunkSize: 6, maximumBlockElements: 60);
        foreach (var (a, b) in ExactDistributionChecks.Coefficients)
        {
            var x = ExactDistributionChecks.PerturbedSamples(empirical, 25, a, b, Seed + 13);
            var fast = empirical.Score(x, a, b);
            var differentiable = empirical.Score(x.requires_grad_(true), a, b).detach();
            double error = MaxRelativeError(fast, differentiable);
            Assert.True(error <= 1e-12, $"a = {a}, b = {b}: relative error {error:G3}");
        }
    }

    [Fact]
    public void Score_keeps_the_query_shape_and_dtype()
    {
        using var scope = NewDisposeScope();
        using var empirical = new EmpiricalDistribution(Points());
        using var g8 = Seeds.Generator(Seed + 8);
        var x = randn([5, 3, 1], dtype: ScalarType.Float32, generator: g8);
        var score = empirical.Score(x, 0.8, 0.6);
        Assert.Equal(x.shape, score.shape);
        Assert.Equal(ScalarType.Float32, score.dtype);
        Assert.Equal([0L, 3L], empirical.Score(zeros(0, 3), 0.8, 0.6).shape);
        Assert.Equal([0L], empirical.LogDensity(zeros(0, 3), 0.8, 0.6).shape);
    }

    [Fact]
    public void Float32_score_agrees_with_float64_to_single_precision()
    {
        using var scope = NewDisposeScope();
        var points = Points();
        using var precise = new EmpiricalDistribution(points);
        using var fast = new EmpiricalDistribution(points.to_type(ScalarType.Float32), chunkSize: 8);
        Assert.Equal(ScalarType.Float32, fast.ComputeType);
        foreach (var (a, b) in ExactDistributionChecks.Coefficients)
        {
            var x = ExactDistributionChecks.PerturbedSamples(precise, 40, a, b, Seed + 9);
            // Logits carry a relative error of ~ε₃₂·|x|·|y|·a/b²; at b = 0.05 that is ~1e-3 in the softmax weights.
            double error = MaxRelativeError(fast.Score(x.to_type(ScalarType.Float32), a, b).to_type(ScalarType.Float64), precise.Score(x, a, b));
            Assert.True(error <= 1e-3, $"a = {a}, b = {b}: float32 relative error {error:G3}");
        }
    }

    [Fact]
    public void Score_is_differentiable_with_a_symmetric_jacobian()
    {
        // The score is the gradient of log p_t, so its Jacobian (the Hessian) is symmetric.
        using var scope = NewDisposeScope();
        using var empirical = new EmpiricalDistribution(Points(), chunkSize: 11);
        var x = ExactDistributionChecks.PerturbedSamples(empirical, 1, 0.9, 0.5, Seed + 10).requires_grad_(true);
        var score = empirical.Score(x, 0.9, 0.5);
        var rows = Enumerable.Range(0, 3)
            .Select(i => autograd.grad([score[0, i]], [x], retain_graph: true)[0][0])
            .ToArray();
        var jacobian = stack(rows, 0);
        double asymmetry = (jacobian - jacobian.t()).abs().max().item<double>();
        Assert.True(asymmetry <= 1e-10 * Math.Max(1, jacobian.abs().max().item<double>()), $"‖J − Jᵀ‖_max = {asymmetry:G3}");
    }

    [Fact]
    public void Integer_weights_equal_repeated_points()
    {
        using var scope = NewDisposeScope();
        var points = Points(6).reshape(6, 3);
        var counts = new long[] { 1, 3, 1, 2, 5, 1 };
        var repeated = cat(counts.Select((c, i) => points[i].unsqueeze(0).expand(c, 3)).ToArray(), 0);
        using var weighted = new EmpiricalDistribution(points, tensor(counts.Select(c => (double)c).ToArray()));
        using var duplicated = new EmpiricalDistribution(repeated);
        var x = ExactDistributionChecks.PerturbedSamples(duplicated, 20, 0.7, 0.5, Seed + 11);
        Assert.True(MaxRelativeError(weighted.Score(x, 0.7, 0.5), duplicated.Score(x, 0.7, 0.5)) <= 1e-12);
        Assert.True(MaxRelativeError(weighted.LogDensity(x, 0.7, 0.5), duplicated.LogDensity(x, 0.7, 0.5)) <= 1e-12);
        Assert.True(MaxRelativeError(weighted.Covariance, duplicated.Covariance) <= 1e-12);
    }

    [Fact]
    public void Mean_and_covariance_are_the_exact_moments_of_the_points()
    {
        using var scope = NewDisposeScope();
        var y = Points().reshape(50, 3);
        using var empirical = new EmpiricalDistribution(y);
        var mean = y.mean([0]);
        var centred = y - mean;
        Assert.True(MaxRelativeError(empirical.Mean, mean) <= 1e-14);
        Assert.True(MaxRelativeError(empirical.Covariance, centred.t().matmul(centred).Divide(50)) <= 1e-14);
    }

    [Fact]
    [Trait("Category", "Statistical")]
    public void Sample_draws_each_point_with_its_weight_within_four_standard_errors()
    {
        const long sampleSize = 40_000;
        using var scope = NewDisposeScope();
        var points = ScalarArithmetic.Arange(0, 4, ScalarType.Float64).unsqueeze(1);
        var weights = tensor(new[] { 0.1, 0.2, 0.3, 0.4 });
        foreach (var w in new Tensor?[] { null, weights })
        {
            using var empirical = new EmpiricalDistribution(points, w);
            using var generator = Seeds.Generator(Seed + 12);
            var draws = empirical.Sample(sampleSize, generator).squeeze(1).to_type(ScalarType.Int64);
            var frequencies = bincount(draws, minlength: 4).to_type(ScalarType.Float64).Divide(sampleSize);
            for (int i = 0; i < 4; i++)
            {
                double p = empirical.Weights[i].item<double>();
                double se = Math.Sqrt(p * (1 - p) / sampleSize);
                Assert.True(sampleSize * Math.Min(p, 1 - p) >= 1000, "the normal approximation needs N·p ≥ 1000");
                double diff = frequencies[i].item<double>() - p;
                Assert.True(Math.Abs(diff) <= 4 * se, $"point {i}: frequency off by {diff:G3}, more than 4 SE = {4 * se:G3} (seed {Seed + 12}, N = {sampleSize})");
            }
        }
    }

    [Fact]
    public void Sampling_is_reproducible_from_the_seed()
    {
        using var scope = NewDisposeScope();
        using var empirical = new EmpiricalDistribution(Points());
        using var first = Seeds.Generator(5);
        using var second = Seeds.Generator(5);
        Assert.True((empirical.Sample(100, first) == empirical.Sample(100, second)).all().item<bool>());
    }

    [Fact]
    public void Invalid_arguments_throw_with_the_offending_values()
    {
        using var scope = NewDisposeScope();
        using var empirical = new EmpiricalDistribution(Points());
        var x = zeros(4, 3, dtype: ScalarType.Float64);
        var b0 = Assert.Throws<ArgumentOutOfRangeException>(() => empirical.Score(x, 1, 0));
        Assert.Contains("b", b0.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => empirical.LogDensity(x, 1, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => empirical.Score(x, double.NaN, 1));
        var shape = Assert.Throws<ArgumentException>(() => empirical.Score(zeros(4, 2, dtype: ScalarType.Float64), 1, 1));
        Assert.Contains("[4, 2]", shape.Message);
        Assert.Contains("D = 3", shape.Message);
        Assert.Throws<ArgumentException>(() => empirical.Score(zeros(3, dtype: ScalarType.Float64), 1, 1));
        Assert.Throws<ArgumentException>(() => new EmpiricalDistribution(zeros(0, 3)));
        var weights = Assert.Throws<ArgumentException>(() => new EmpiricalDistribution(zeros(5, 3), ones(4)));
        Assert.Contains("[5]", weights.Message);
        Assert.Throws<ArgumentException>(() => new EmpiricalDistribution(zeros(5, 3), tensor(new[] { 1.0, 1, 0, 1, 1 })));
        Assert.Throws<ArgumentException>(() => new EmpiricalDistribution(zeros(5, 3), chunkSize: 0));
        Assert.Throws<ArgumentException>(() => new EmpiricalDistribution(ScalarArithmetic.Full([2, 2], double.NaN, ScalarType.Float32)));
        Assert.Throws<ArgumentException>(() => new EmpiricalDistribution(zeros(5, 3), computeType: ScalarType.Float16));
    }
}
