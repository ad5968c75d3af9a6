using ScoreScope.Data;
using ScoreScope.Numerics;
using TorchSharp;
using static TorchSharp.torch;

namespace ScoreScope.Analysis;

/// <summary>
/// The fraction of samples assigned to each mode of a mixture, p̂_k = N_k/N, with the binomial standard error
/// √(p̂_k(1 − p̂_k)/N) (NaN-free for N ≥ 1; 0 when p̂_k ∈ {0, 1}). Detects mode collapse and mode-weight bias.
/// </summary>
public static class ModeOccupancy
{
    /// <summary>Occupancies from per-sample mode labels in [0, modeCount), [N] integer tensor; returns [modeCount] estimates.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For modeCount &lt; 1 or labels outside [0, modeCount).</exception>
    /// <exception cref="ArgumentException">For labels that are not a non-empty 1-D tensor.</exception>
    public static Estimate[] Compute(Tensor labels, int modeCount)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(modeCount, 1);
        if (labels.dim() != 1 || labels.shape[0] < 1)
            throw new ArgumentException($"labels must be a non-empty [N] tensor; got {Shapes.Format(labels)}.", nameof(labels));
        using var scope = NewDisposeScope();
        var l = labels.to_type(ScalarType.Int64).cpu();
        long min = l.min().item<long>(), max = l.max().item<long>();
        if (min < 0 || max >= modeCount)
            throw new ArgumentOutOfRangeException(nameof(labels), $"labels span [{min}, {max}], outside [0, {modeCount}).");
        long n = l.shape[0];
        var counts = l.bincount(null, modeCount).data<long>().ToArray();
        return counts.Select(c =>
        {
            double p = (double)c / n;
            return new Estimate(p, Math.Sqrt(p * (1 - p) / n), n);
        }).ToArray();
    }

    /// <summary>Occupancies of the components of <paramref name="mixture"/>, each sample assigned to its most likely component.</summary>
    public static Estimate[] Compute(GaussianMixtureDistribution mixture, Tensor samples)
    {
        ArgumentNullException.ThrowIfNull(mixture);
        using var labels = mixture.MostLikelyComponent(samples);
        return Compute(labels, mixture.Components.Count);
    }
}
