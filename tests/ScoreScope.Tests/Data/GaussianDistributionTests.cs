using ScoreScope.Data;
using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Data;

public sealed class GaussianDistributionTests
{
    const ulong Seed = 20251124;

    /// <summary>N(μ, Σ) in 4-D with a dense covariance Σ = LLᵀ + 0.2·I (condition number ≈ 40).</summary>
    internal static GaussianDistribution Correlated()
    {
        using var scope = NewDisposeScope();
        var generator = Seeds.Generator(Seed);
        var l = randn([4, 4], dtype: ScalarType.Float64, generator: generator);
        var mean = randn([4], dtype: ScalarType.Float64, generator: generator);
        var covariance = l.matmul(l.t()).Add(eye(4, dtype: ScalarType.Float64).Multiply(0.2));
        return new GaussianDistribution(mean, covariance);
    }

    [Fact]
    public void Score_equals_autograd_of_log_density_with_full_covariance()
    {
        using var gaussian = Correlated();
        ExactDistributionChecks.ScoreMatchesAutograd(gaussian, Seed + 1);
    }

    [Fact]
    public void Posterior_mean_equals_tweedie()
    {
        using var gaussian = Correlated();
        ExactDistributionChecks.PosteriorMeanMatchesTweedie(gaussian, Seed + 2);
    }

    [Fact]
    [Trait("Category", "Statistical")]
    public void Sample_mean_and_covariance_are_within_four_standard_errors()
    {
        const long sampleSize = 20_000;
        Assert.True(sampleSize >= 10_000, "the normal approximation of the SE needs N ≥ 10⁴");
        using var gaussian = Correlated();
        ExactDistributionChecks.SampleMomentsMatch(gaussian, sampleSize, Seed + 3);
    }
}
