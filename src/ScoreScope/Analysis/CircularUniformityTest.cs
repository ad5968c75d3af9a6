using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Analysis;

/// <summary>
/// Kolmogorov–Smirnov test of the angles θ = atan2(x₂, x₁) ∈ [0, 2π) of planar samples against the uniform
/// distribution — the angular half of the pollution metric for circle data (Lu, Wang, Bal 2023, arXiv 2301.07882;
/// docs/science/singular-scores.md §4.3). The statistic depends on the origin of the angle (Kuiper's V would not).
/// </summary>
public static class CircularUniformityTest
{
    /// <summary>Tests the angles of samples x [n, 2] (x = 0 is mapped to θ = 0).</summary>
    /// <exception cref="ArgumentException">When x is not [n, 2] with n ≥ 1.</exception>
    public static KolmogorovSmirnovResult Test(Tensor samples)
    {
        if (samples.dim() != 2 || samples.shape[1] != 2 || samples.shape[0] < 1)
            throw new ArgumentException($"samples must be [n, 2] with n ≥ 1; got {Shapes.Format(samples)}.", nameof(samples));
        using var scope = NewDisposeScope();
        var x = samples.to_type(ScalarType.Float64).cpu();
        var angles = atan2(x[TensorIndex.Colon, 1], x[TensorIndex.Colon, 0]).data<double>().ToArray();
        return TestUniform(angles.Select(a => (a < 0 ? a + 2 * Math.PI : a) / (2 * Math.PI)).ToArray());
    }

    /// <summary>One-sample KS test of values in [0, 1] against U(0, 1).</summary>
    /// <exception cref="ArgumentException">When no value is given.</exception>
    public static KolmogorovSmirnovResult TestUniform(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) throw new ArgumentException("need at least one value.", nameof(values));
        var u = values.ToArray();
        Array.Sort(u);
        int n = u.Length;
        double d = 0;
        for (int i = 0; i < n; i++)
        {
            double f = Math.Clamp(u[i], 0, 1);
            d = Math.Max(d, Math.Max((i + 1.0) / n - f, f - (double)i / n));
        }
        double sqrtN = Math.Sqrt(n);
        return new KolmogorovSmirnovResult(d, KolmogorovTail((sqrtN + 0.12 + 0.11 / sqrtN) * d), n);
    }

    /// <summary>Q_KS(λ) = 2Σ_{k≥1}(−1)^{k−1}e^{−2k²λ²}, clamped to [0, 1].</summary>
    static double KolmogorovTail(double lambda)
    {
        if (lambda < 0.2) return 1;
        double sum = 0;
        for (int k = 1; k <= 100; k++)
        {
            double term = Math.Exp(-2.0 * k * k * lambda * lambda) * (k % 2 == 1 ? 1 : -1);
            sum += term;
            if (Math.Abs(term) <= 1e-16 * Math.Abs(sum)) break;
        }
        return Math.Clamp(2 * sum, 0, 1);
    }
}
