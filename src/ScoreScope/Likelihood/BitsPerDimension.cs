using ScoreScope.Numerics;
using TorchSharp;
using static TorchSharp.torch;

namespace ScoreScope.Likelihood;

/// <summary>
/// Bits per dimension of 8-bit image data under a continuous density, with uniform dequantisation — the convention of
/// score_sde (Song et al. 2021, Appendix D.2; <c>run_lib.evaluate</c> and <c>likelihood.py</c>), after Theis et al.
/// (2016) and Ho et al. (2020): pixel levels k ∈ {0, …, L−1} (L = 256) become y = (k + u)/L with u ~ U(0, 1) in [0, 1),
/// the model sees x = lo + (hi − lo)·y, and bpd = −log₂ p_x(x)/D − log₂(hi − lo) + log₂ L. For data scaled to [−1, 1]
/// this is score_sde's "offset 7": bpd = −log₂ p_x(x)/D + 7. It is an upper bound on the discrete model's
/// bits/dim (Jensen), and the likelihood is taken at t_min, as in score_sde (which integrates from eps).
/// </summary>
public static class BitsPerDimension
{
    /// <summary>Pixel levels of 8-bit data.</summary>
    public const int EightBitLevels = 256;

    /// <summary>bpd = −log p_x(x)/(D ln 2) − log₂(hi − lo) + log₂ L for a log-likelihood in nats.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For D &lt; 1, a non-positive range or L &lt; 2.</exception>
    public static double FromLogLikelihood(double logLikelihood, long dimension, double rangeWidth, int levels = EightBitLevels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(levels, 2);
        if (!(rangeWidth > 0)) throw new ArgumentOutOfRangeException(nameof(rangeWidth), rangeWidth, "the data range hi − lo must be > 0.");
        return -logLikelihood / (dimension * Math.Log(2)) - Math.Log2(rangeWidth) + Math.Log2(levels);
    }

    /// <summary>
    /// Uniform dequantisation of data quantised to L levels on [lo, hi] (x = lo + (hi − lo)·k/(L − 1)): recovers k by
    /// rounding and returns lo + (hi − lo)·(k + u)/L with u ~ U(0, 1) from <paramref name="generator"/>; float64.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">For hi ≤ lo or L &lt; 2.</exception>
    public static Tensor Dequantise(Tensor x, double low, double high, Generator generator, int levels = EightBitLevels)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentOutOfRangeException.ThrowIfLessThan(levels, 2);
        if (!(high > low)) throw new ArgumentOutOfRangeException(nameof(high), high, $"the data range needs hi > lo = {low}.");
        using var scope = NewDisposeScope();
        double width = high - low;
        var level = x.to_type(ScalarType.Float64).Subtract(low).Multiply((levels - 1) / width).round().Clamp(0.0, levels - 1);
        var uniform = rand(x.shape, dtype: ScalarType.Float64, generator: generator).to(x.device);
        return level.Add(uniform).Multiply(width / levels).Add(low).MoveToOuterDisposeScope();
    }
}
