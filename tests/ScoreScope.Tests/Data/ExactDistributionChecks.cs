using ScoreScope.Data;
using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Data;

/// <summary>Shared checks for every <see cref="ExactDistribution"/>: score against autograd, Tweedie, sample moments.</summary>
internal static class ExactDistributionChecks
{
    /// <summary>(a, b) pairs: VE-like (a = 1) from tiny to large noise, and VP-like (a² + b² = 1).</summary>
    public static readonly (double A, double B)[] Coefficients =
    [
        (1.0, 0.05), (1.0, 0.7), (1.0, 12.0),
        (Math.Sqrt(1 - 0.01), 0.1), (0.6, 0.8), (0.1, Math.Sqrt(1 - 0.01)),
    ];

    /// <summary>∇ₓ Σ log p_t(x) by reverse-mode autograd of <see cref="ExactDistribution.LogDensity"/>.</summary>
    public static Tensor AutogradScore(ExactDistribution distribution, Tensor x, double a, double b)
    {
        using var scope = NewDisposeScope();
        var leaf = x.detach().clone().requires_grad_(true);
        var total = distribution.LogDensity(leaf, a, b).sum();
        var gradient = autograd.grad([total], [leaf])[0];
        return gradient.detach().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Asserts max |Score − autograd| ≤ 1e-10 · max(1, max |score|) in float64 at every (a, b), at 64 perturbed
    /// samples x = a·x₀ + b·z (the typical set of p_t).
    /// </summary>
    public static void ScoreMatchesAutograd(ExactDistribution distribution, ulong seed)
    {
        foreach (var (a, b) in Coefficients)
        {
            using var scope = NewDisposeScope();
            var x = PerturbedSamples(distribution, 64, a, b, seed);
            var exact = distribution.Score(x, a, b);
            var reference = AutogradScore(distribution, x, a, b);
            Assert.Equal(ScalarType.Float64, exact.dtype);
            double scale = Math.Max(1, reference.abs().max().item<double>());
            double error = (exact - reference).abs().max().item<double>();
            Assert.True(error <= 1e-10 * scale,
                $"{distribution} at a = {a}, b = {b}: max |score − autograd| = {error:G3} > 1e-10 · {scale:G3}");
        }
    }

    /// <summary>Asserts PosteriorMean = (x + b²·score)/a (Tweedie) to 1e-10 relative at every (a, b).</summary>
    public static void PosteriorMeanMatchesTweedie(ExactDistribution distribution, ulong seed)
    {
        foreach (var (a, b) in Coefficients)
        {
            using var scope = NewDisposeScope();
            var x = PerturbedSamples(distribution, 64, a, b, seed);
            var direct = distribution.PosteriorMean(x, a, b);
            var tweedie = x.Add(distribution.Score(x, a, b).Multiply(b * b)).Divide(a);
            double scale = Math.Max(1, tweedie.abs().max().item<double>());
            double error = (direct - tweedie).abs().max().item<double>();
            Assert.True(error <= 1e-10 * scale,
                $"{distribution} at a = {a}, b = {b}: max |E[x₀|x] − Tweedie| = {error:G3} > 1e-10 · {scale:G3}");
        }
    }

    /// <summary>
    /// Asserts every sample mean and covariance entry lies within <paramref name="z"/> standard errors of the exact
    /// value. SE of the mean from the exact variance; SE of a covariance entry from the sample variance of the
    /// centred products (xᵢ − μᵢ)(xⱼ − μⱼ) (exact μ), which is valid for any distribution with finite 4th moments.
    /// </summary>
    public static void SampleMomentsMatch(ExactDistribution distribution, long count, ulong seed, double z = 4)
    {
        using var scope = NewDisposeScope();
        using var generator = Seeds.Generator(seed);
        var samples = distribution.Sample(count, generator);
        var mean = distribution.Mean!;
        var covariance = distribution.Covariance!;
        long d = mean.shape[0];
        Assert.Equal([count, d], samples.shape);
        var centred = samples - mean;
        var sampleMean = samples.mean([0]);
        for (long i = 0; i < d; i++)
        {
            double se = Math.Sqrt(covariance[i, i].item<double>() / count);
            double diff = sampleMean[i].item<double>() - mean[i].item<double>();
            Assert.True(Math.Abs(diff) <= z * se,
                $"{distribution} (seed {seed}, N = {count}): mean[{i}] off by {diff:G4}, more than {z} SE = {z * se:G4}");
        }
        for (long i = 0; i < d; i++)
        {
            for (long j = 0; j <= i; j++)
            {
                var products = centred[.., i] * centred[.., j];
                double estimate = products.mean().item<double>();
                double se = products.std().item<double>() / Math.Sqrt(count);
                double diff = estimate - covariance[i, j].item<double>();
                Assert.True(Math.Abs(diff) <= z * se,
                    $"{distribution} (seed {seed}, N = {count}): cov[{i},{j}] off by {diff:G4}, more than {z} SE = {z * se:G4}");
            }
        }
    }

    /// <summary>x = a·x₀ + b·z for <paramref name="count"/> seeded draws x₀ ~ p₀ and z ~ N(0, I), float64.</summary>
    public static Tensor PerturbedSamples(ExactDistribution distribution, long count, double a, double b, ulong seed)
    {
        using var scope = NewDisposeScope();
        var generator = Seeds.Generator(seed);
        var x0 = distribution.Sample(count, generator);
        var z = randn(x0.shape, dtype: ScalarType.Float64, generator: generator);
        return (x0.Multiply(a).Add(z.Multiply(b))).MoveToOuterDisposeScope();
    }
}
