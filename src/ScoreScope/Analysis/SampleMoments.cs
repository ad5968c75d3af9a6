using ScoreScope.Numerics;
using TorchSharp;
using static TorchSharp.torch;

namespace ScoreScope.Analysis;

/// <summary>
/// Sample means and covariances with standard errors, and their errors against exact values or reference samples.
/// Samples [N, …] are flattened to [N, D] and converted to float64. Estimators: the sample mean with SE s_i/√N
/// (s_i the Bessel-corrected standard deviation), and the unbiased sample covariance Ĉ_ij = Σ(x_i − x̄_i)(x_j − x̄_j)/(N − 1)
/// with the fourth-moment standard error SE_ij = √((m₂₂,ij − m₁₁,ij²)/N), where m₂₂,ij = mean((x_i − x̄_i)²(x_j − x̄_j)²)
/// and m₁₁,ij = mean((x_i − x̄_i)(x_j − x̄_j)) — the variance of the product (x_i − μ_i)(x_j − μ_j) over N (plug-in,
/// valid for any distribution with finite fourth moments; for Gaussian data it tends to (C_ii C_jj + C_ij²)/N).
/// Standard errors are NaN when N &lt; 2.
/// </summary>
public static class SampleMoments
{
    /// <summary>The sample mean of each coordinate with its standard error; [D] estimates.</summary>
    /// <exception cref="ArgumentException">For a tensor without a batch dimension or with no samples.</exception>
    public static Estimate[] Mean(Tensor samples)
    {
        using var scope = NewDisposeScope();
        var x = Flatten(samples, nameof(samples));
        long n = x.shape[0];
        var mean = x.mean([0]).data<double>().ToArray();
        var sd = n > 1 ? x.std(dim: 0, unbiased: true).data<double>().ToArray() : Enumerable.Repeat(double.NaN, mean.Length).ToArray();
        return mean.Select((m, i) => new Estimate(m, sd[i] / Math.Sqrt(n), n)).ToArray();
    }

    /// <summary>The unbiased sample covariance with fourth-moment standard errors; [D, D] estimates.</summary>
    /// <exception cref="ArgumentException">For a tensor without a batch dimension or with no samples.</exception>
    public static Estimate[,] Covariance(Tensor samples)
    {
        using var scope = NewDisposeScope();
        var x = Flatten(samples, nameof(samples));
        long n = x.shape[0];
        int d = (int)x.shape[1];
        var centred = x - x.mean([0], keepdim: true);
        var m11 = centred.t().matmul(centred).Divide(n);
        var squared = centred.Square();
        var m22 = squared.t().matmul(squared).Divide(n);
        var cov = (m11.Multiply(n / (double)Math.Max(n - 1, 1))).data<double>().ToArray();
        var variance = (m22 - m11.Square()).ClampMin(0).data<double>().ToArray();
        var result = new Estimate[d, d];
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                double se = n > 1 ? Math.Sqrt(variance[i * d + j] / n) : double.NaN;
                result[i, j] = new Estimate(n > 1 ? cov[i * d + j] : double.NaN, se, n);
            }
        }
        return result;
    }

    /// <summary>Errors x̄_i − μ_i of the sample mean against an exact mean μ [D], with the SE of x̄_i.</summary>
    /// <exception cref="ArgumentException">When μ does not have D elements.</exception>
    public static Estimate[] MeanError(Tensor samples, Tensor exactMean)
    {
        var estimate = Mean(samples);
        var mu = Values(exactMean, estimate.Length, nameof(exactMean));
        return estimate.Select((e, i) => e with { Value = e.Value - mu[i] }).ToArray();
    }

    /// <summary>Differences x̄_i − ȳ_i of two sample means, with SE √(SE_x² + SE_y²); Count is that of x.</summary>
    /// <exception cref="ArgumentException">When the sample sets have different dimensions.</exception>
    public static Estimate[] MeanDifference(Tensor samples, Tensor referenceSamples)
    {
        var a = Mean(samples);
        var b = Mean(referenceSamples);
        ThrowIfDimensionsDiffer(a.Length, b.Length);
        return a.Select((e, i) => new Estimate(e.Value - b[i].Value, Hypot(e.StandardError, b[i].StandardError), e.Count)).ToArray();
    }

    /// <summary>Errors Ĉ_ij − Σ_ij of the sample covariance against an exact covariance Σ [D, D], with the SE of Ĉ_ij.</summary>
    /// <exception cref="ArgumentException">When Σ does not have D×D elements.</exception>
    public static Estimate[,] CovarianceError(Tensor samples, Tensor exactCovariance)
    {
        var estimate = Covariance(samples);
        int d = estimate.GetLength(0);
        var sigma = Values(exactCovariance, d * d, nameof(exactCovariance));
        var result = new Estimate[d, d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++) result[i, j] = estimate[i, j] with { Value = estimate[i, j].Value - sigma[i * d + j] };
        return result;
    }

    /// <summary>Differences Ĉ_ij(x) − Ĉ_ij(y) of two sample covariances, with SE √(SE_x² + SE_y²); Count is that of x.</summary>
    /// <exception cref="ArgumentException">When the sample sets have different dimensions.</exception>
    public static Estimate[,] CovarianceDifference(Tensor samples, Tensor referenceSamples)
    {
        var a = Covariance(samples);
        var b = Covariance(referenceSamples);
        int d = a.GetLength(0);
        ThrowIfDimensionsDiffer(d, b.GetLength(0));
        var result = new Estimate[d, d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++)
                result[i, j] = new Estimate(a[i, j].Value - b[i, j].Value, Hypot(a[i, j].StandardError, b[i, j].StandardError), a[i, j].Count);
        return result;
    }

    internal static Tensor Flatten(Tensor samples, string name)
    {
        ArgumentNullException.ThrowIfNull(samples, name);
        if (samples.dim() < 1 || samples.shape[0] < 1)
            throw new ArgumentException($"samples must be [N ≥ 1, …]; got {Shapes.Format(samples)}.", name);
        var x = samples.to_type(ScalarType.Float64).cpu();
        return samples.dim() == 1 ? x.unsqueeze(1) : x.flatten(1);
    }

    static double[] Values(Tensor exact, int expected, string name)
    {
        ArgumentNullException.ThrowIfNull(exact, name);
        if (exact.numel() != expected)
            throw new ArgumentException($"expected {expected} elements; got {Shapes.Format(exact)}.", name);
        using var flat = exact.to_type(ScalarType.Float64).cpu().flatten();
        return flat.data<double>().ToArray();
    }

    static void ThrowIfDimensionsDiffer(int a, int b)
    {
        if (a != b) throw new ArgumentException($"sample sets have different dimensions: {a} and {b}.");
    }

    static double Hypot(double a, double b) => Math.Sqrt(a * a + b * b);
}
