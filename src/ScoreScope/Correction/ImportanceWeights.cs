using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Correction;

/// <summary>
/// Self-normalised importance weights w̄_i = w_i/Σw, w = π/q, and Kish's effective sample size
/// ESS = (Σw)²/Σw² (Kong 1992; Liu 1996), the standard figure of merit of flow-based samplers (Nicoli et al. 2020, Eq. 12,
/// reported there as ESS/N).
/// </summary>
/// <param name="Normalised">w̄, [N] float64, summing to 1.</param>
/// <param name="EffectiveSampleSize">(Σw)²/Σw² ∈ [1, N].</param>
/// <param name="LogMeanWeight">log((1/N)Σw): an estimate of log Z_π − log Z_q (0 when both are normalised).</param>
public sealed record ImportanceWeights(Tensor Normalised, double EffectiveSampleSize, double LogMeanWeight)
{
    /// <summary>Computes the weights from log w = log π − log q, stably (max-shifted).</summary>
    /// <exception cref="ArgumentException">For an empty tensor or no finite weight.</exception>
    public static ImportanceWeights FromLogWeights(Tensor logWeights)
    {
        ArgumentNullException.ThrowIfNull(logWeights);
        if (logWeights.dim() != 1 || logWeights.shape[0] < 1)
            throw new ArgumentException($"log weights must be a non-empty [N] tensor; got {Shapes.Format(logWeights)}.", nameof(logWeights));
        using var scope = NewDisposeScope();
        var w = logWeights.to_type(ScalarType.Float64);
        double max = w.max().item<double>();
        if (!double.IsFinite(max))
            throw new ArgumentException($"the largest log weight is {max}; at least one must be finite.", nameof(logWeights));
        var shifted = w.Subtract(max).exp();
        double sum = shifted.sum().item<double>(), sumSquares = shifted.Square().sum().item<double>();
        long n = w.shape[0];
        return new ImportanceWeights(shifted.Divide(sum).MoveToOuterDisposeScope(), sum * sum / sumSquares, max + Math.Log(sum / n));
    }
}
