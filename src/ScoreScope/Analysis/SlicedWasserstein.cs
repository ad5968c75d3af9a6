using ScoreScope.Numerics;
using TorchSharp;
using static TorchSharp.torch;

namespace ScoreScope.Analysis;

/// <summary>
/// The sliced Wasserstein-2 distance SW₂(μ, ν) = (E_θ W₂²(θ#μ, θ#ν))^{1/2}, θ uniform on the unit sphere (Rabin et al.
/// 2011; Bonneel et al. 2015), estimated with K seeded random directions. Each 1-D W₂² is computed exactly between the
/// empirical measures of the projections by sorting: for equal sizes it pairs the order statistics; otherwise both
/// quantile functions are evaluated at the L = max(n, m) midpoints (k + ½)/L with linear interpolation between order
/// statistics.
/// </summary>
/// <remarks>
/// The returned standard error is the Monte-Carlo error over directions only, SE(SW₂) ≈ sd_θ(W₂²)/(2·SW₂·√K) (delta
/// method), not the sampling error of the finite sample sets (which biases SW₂ upwards, roughly like N^{-1/2}).
/// Samples [N, …] are flattened to [N, D] and compared in float64.
/// </remarks>
public static class SlicedWasserstein
{
    /// <summary>The most projected values (quantile levels × directions) held at once: 2²² (32 MB of float64).</summary>
    const long MaxProjectedValues = 1L << 22;

    /// <summary>Estimates SW₂ between two sample sets; Count is the number of directions K.</summary>
    /// <param name="x">First sample set [n, …].</param>
    /// <param name="y">Second sample set [m, …], same event size.</param>
    /// <param name="seed">Seed of the random directions.</param>
    /// <param name="directions">Number of directions K, ≥ 2 (default 128).</param>
    /// <exception cref="ArgumentOutOfRangeException">For K &lt; 2.</exception>
    /// <exception cref="ArgumentException">For empty sets or different event sizes.</exception>
    public static Estimate Compute(Tensor x, Tensor y, ulong seed, int directions = 128) =>
        Compute(x, y, seed, directions, MaxProjectedValues);

    /// <summary>As <see cref="Compute(Tensor, Tensor, ulong, int)"/>, holding at most <paramref name="maxProjectedValues"/> projected values at once.</summary>
    internal static Estimate Compute(Tensor x, Tensor y, ulong seed, int directions, long maxProjectedValues)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(directions, 2);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var a = SampleMoments.Flatten(x, nameof(x));
        var b = SampleMoments.Flatten(y, nameof(y));
        if (a.shape[1] != b.shape[1])
            throw new ArgumentException($"sample sets have different event sizes: {Shapes.Format(a)} and {Shapes.Format(b)}.", nameof(y));
        using var generator = Seeds.Generator(Seeds.Derive(seed, "sliced-wasserstein-directions"));
        var theta = randn([a.shape[1], directions], dtype: ScalarType.Float64, generator: generator);
        theta = theta / theta.norm(dim: 0, keepdim: true);
        long levels = Math.Max(a.shape[0], b.shape[0]);
        // Directions in chunks, so that memory stays O(L · chunk) rather than O(L · K) (20 million samples fit in a few
        // GB); each direction's W₂² is computed exactly as in one batch.
        int chunk = (int)Math.Clamp(maxProjectedValues / levels, 1, directions);
        var parts = new List<Tensor>();
        for (int start = 0; start < directions; start += chunk)
        {
            using var step = NewDisposeScope();
            var directionsChunk = theta.narrow(1, start, Math.Min(chunk, directions - start));
            var qa = Quantiles(a.matmul(directionsChunk), levels);
            var qb = Quantiles(b.matmul(directionsChunk), levels);
            parts.Add((qa - qb).Square().mean([0]).MoveToOuterDisposeScope());
        }
        var w2 = parts.Count == 1 ? parts[0] : cat(parts, 0);
        double mean = w2.mean().item<double>();
        double sd = w2.std(dim: 0, unbiased: true).item<double>();
        double value = Math.Sqrt(Math.Max(mean, 0));
        double se = value > 0 ? sd / (2 * value * Math.Sqrt(directions)) : 0.0;
        return new Estimate(value, se, directions);
    }

    // Empirical quantiles of each column of projections [n, K] at the midpoints (k + ½)/L, k = 0..L−1.
    static Tensor Quantiles(Tensor projections, long levels)
    {
        var sorted = projections.sort(dim: 0).Values;
        long n = sorted.shape[0];
        if (n == levels) return sorted;
        var position = (ScalarArithmetic.Arange(0, levels, ScalarType.Float64).Add(0.5).Multiply((double)n / levels).Subtract(0.5)).Clamp(0, n - 1);
        var lower = position.floor();
        var fraction = (position - lower).unsqueeze(1);
        var lo = lower.to_type(ScalarType.Int64);
        var hi = (lo.Add(1)).ClampMax(n - 1);
        var vlo = sorted.index_select(0, lo);
        return vlo.Add((sorted.index_select(0, hi) - vlo) * fraction);
    }
}
