using ScoreScope.Data;
using ScoreScope.Numerics;
using Xunit;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Data;

/// <summary>
/// <see cref="EmpiricalGaussianClone"/>: draws of N(μ̂, Σ̂) reproduce the sample mean and covariance of a correlated,
/// rank-deficient data set, and the mean clone has covariance I. Seed 20260312; 200 000 draws; each mean within 4 SE
/// (SE = √(Σ̂ᵢᵢ/n)) and each covariance entry within 4 SE (SE = √((ΣᵢᵢΣⱼⱼ + Σᵢⱼ²)/n), the Gaussian value).
/// </summary>
public sealed class EmpiricalGaussianCloneTests
{
    const ulong Seed = 20260312;
    const int Draws = 200_000;

    [Fact]
    public void Full_covariance_clone_matches_the_sample_mean_and_covariance()
    {
        using var scope = NewDisposeScope();
        using var g = Seeds.Generator(Seed);
        // 400 points in R⁴: coordinates 0 and 1 correlated, coordinate 2 constant (a blank pixel), 3 skewed.
        var z = randn([400, 3], dtype: ScalarType.Float64, generator: g);
        var points = stack([z.select(1, 0), z.select(1, 0).Multiply(0.8).Add(z.select(1, 1).Multiply(0.6)),
            ScalarArithmetic.Full([400], -1.0, ScalarType.Float64), z.select(1, 2).Square()], 1);
        using var clone = EmpiricalGaussianClone.FullCovariance(points);
        var x = clone.Sample(Draws, g);
        Assert.Equal(new long[] { Draws, 4 }, x.shape);
        var mean = points.mean([0]).data<double>().ToArray();
        var centred = points.Subtract(points.mean([0]));
        var sigma = centred.t().matmul(centred).Divide(399).data<double>().ToArray();
        var sampleMean = x.mean([0]).data<double>().ToArray();
        var xc = x.Subtract(x.mean([0]));
        var sampleSigma = xc.t().matmul(xc).Divide(Draws - 1).data<double>().ToArray();
        for (int i = 0; i < 4; i++)
        {
            double se = Math.Sqrt(sigma[i * 4 + i] / Draws);
            Assert.True(Math.Abs(sampleMean[i] - mean[i]) <= 4 * se + 1e-12, $"mean {i}: {sampleMean[i]} vs {mean[i]} (4 SE = {4 * se})");
            for (int j = 0; j < 4; j++)
            {
                double s = sigma[i * 4 + j], covarianceSe = Math.Sqrt((sigma[i * 4 + i] * sigma[j * 4 + j] + s * s) / Draws);
                Assert.True(Math.Abs(sampleSigma[i * 4 + j] - s) <= 4 * covarianceSe + 1e-12, $"Σ[{i},{j}]: {sampleSigma[i * 4 + j]} vs {s} (4 SE = {4 * covarianceSe})");
            }
        }
    }

    [Fact]
    public void Mean_clone_has_the_sample_mean_and_identity_covariance()
    {
        using var scope = NewDisposeScope();
        using var g = Seeds.Generator(Seed + 1);
        var points = randn([50, 3], dtype: ScalarType.Float64, generator: g).Multiply(5.0).Add(2.0);
        using var clone = EmpiricalGaussianClone.IdentityCovariance(points);
        var x = clone.Sample(Draws, g);
        var mean = points.mean([0]).data<double>().ToArray();
        var sampleMean = x.mean([0]).data<double>().ToArray();
        var variance = x.var([0]).data<double>().ToArray();
        double meanSe = Math.Sqrt(1.0 / Draws), varianceSe = Math.Sqrt(2.0 / Draws);
        for (int i = 0; i < 3; i++)
        {
            Assert.True(Math.Abs(sampleMean[i] - mean[i]) <= 4 * meanSe, $"mean {i}: {sampleMean[i]} vs {mean[i]}");
            Assert.True(Math.Abs(variance[i] - 1) <= 4 * varianceSe, $"variance {i}: {variance[i]}");
        }
    }

    [Fact]
    public void Points_that_are_not_a_matrix_of_at_least_two_rows_are_refused()
    {
        using var one = zeros([1, 3], dtype: ScalarType.Float64);
        Assert.Throws<ArgumentException>(() => EmpiricalGaussianClone.FullCovariance(one));
        using var vector = zeros([5], dtype: ScalarType.Float64);
        Assert.Throws<ArgumentException>(() => EmpiricalGaussianClone.IdentityCovariance(vector));
    }
}
