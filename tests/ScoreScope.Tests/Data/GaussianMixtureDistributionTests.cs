using ScoreScope.Data;
using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Data;

public sealed class GaussianMixtureDistributionTests
{
    const ulong Seed = 20251125;

    /// <summary>Three unequal-weight 3-D components, each with its own dense covariance LₖLₖᵀ + 0.1·I.</summary>
    static GaussianMixtureDistribution Correlated()
    {
        using var scope = NewDisposeScope();
        var generator = Seeds.Generator(Seed);
        var components = new GaussianDistribution[3];
        for (int k = 0; k < 3; k++)
        {
            var l = randn([3, 3], dtype: ScalarType.Float64, generator: generator).Multiply(0.7);
            var mean = randn([3], dtype: ScalarType.Float64, generator: generator).Multiply(3);
            components[k] = new GaussianDistribution(mean, l.matmul(l.t()).Add(eye(3, dtype: ScalarType.Float64).Multiply(0.1)));
        }
        return new GaussianMixtureDistribution([0.5, 0.3, 0.2], components);
    }

    [Fact]
    public void Ring_score_equals_autograd_of_log_density()
    {
        using var ring = GaussianMixtureDistribution.Ring();
        ExactDistributionChecks.ScoreMatchesAutograd(ring, Seed + 1);
    }

    [Fact]
    public void Correlated_mixture_score_equals_autograd_of_log_density()
    {
        using var mixture = Correlated();
        ExactDistributionChecks.ScoreMatchesAutograd(mixture, Seed + 2);
    }

    [Fact]
    public void Posterior_mean_equals_tweedie()
    {
        using var mixture = Correlated();
        ExactDistributionChecks.PosteriorMeanMatchesTweedie(mixture, Seed + 3);
    }

    [Fact]
    [Trait("Category", "Statistical")]
    public void Ring_sample_mean_and_covariance_are_within_four_standard_errors()
    {
        const long sampleSize = 20_000;
        Assert.True(sampleSize >= 10_000, "the normal approximation of the SE needs N ≥ 10⁴");
        using var ring = GaussianMixtureDistribution.Ring();
        ExactDistributionChecks.SampleMomentsMatch(ring, sampleSize, Seed + 4);
    }

    [Fact]
    [Trait("Category", "Statistical")]
    public void Correlated_mixture_sample_mean_and_covariance_are_within_four_standard_errors()
    {
        const long sampleSize = 20_000;
        Assert.True(sampleSize >= 10_000, "the normal approximation of the SE needs N ≥ 10⁴");
        using var mixture = Correlated();
        ExactDistributionChecks.SampleMomentsMatch(mixture, sampleSize, Seed + 5);
    }
}
