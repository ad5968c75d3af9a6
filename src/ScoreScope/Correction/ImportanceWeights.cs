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

    /// <summary>
    /// The self-normalised importance-sampling estimate of f(E_π[a]) from primaries a_α(x_i) (<c>primaries[α][i]</c>,
    /// i over the proposals) and its delta-method standard error: ā_α = Σᵢ w̄ᵢ a_α(xᵢ), f̂ = f(ā),
    /// SE² = Σᵢ w̄ᵢ² δᵢ² with δᵢ = Σ_α ∂f/∂ā_α (a_α(xᵢ) − ā_α) (the variance of a ratio estimator: Owen 2013, Monte Carlo
    /// theory, methods and examples, §9.2; Liu 1996). Gradients are central differences with steps of the primaries'
    /// weighted standard errors, as <see cref="Lattice.GammaMethod"/>. The error is asymptotic: with few effective
    /// samples (ESS ≲ 50) it is itself noisy and tends to be low.
    /// </summary>
    /// <exception cref="ArgumentException">When a primary series does not have one value per weight.</exception>
    public (double Value, double StandardError) Estimate(IReadOnlyList<double[]> primaries, Func<double[], double> f)
    {
        ArgumentNullException.ThrowIfNull(primaries);
        ArgumentNullException.ThrowIfNull(f);
        var w = Normalised.to_type(ScalarType.Float64).cpu().data<double>().ToArray();
        if (primaries.Count == 0 || primaries.Any(p => p.Length != w.Length))
            throw new ArgumentException($"need at least one primary series with {w.Length} values (one per weight).", nameof(primaries));
        int count = primaries.Count;
        var means = new double[count];
        var errors = new double[count];
        for (int a = 0; a < count; a++)
        {
            double mean = 0;
            for (int i = 0; i < w.Length; i++) mean += w[i] * primaries[a][i];
            double variance = 0;
            for (int i = 0; i < w.Length; i++) variance += w[i] * w[i] * (primaries[a][i] - mean) * (primaries[a][i] - mean);
            means[a] = mean;
            errors[a] = Math.Sqrt(variance);
        }
        double value = f(means);
        var deviation = new double[w.Length];
        for (int a = 0; a < count; a++)
        {
            double h = errors[a];
            if (!(h > 0)) continue;
            var plus = (double[])means.Clone();
            var minus = (double[])means.Clone();
            plus[a] += h;
            minus[a] -= h;
            double gradient = (f(plus) - f(minus)) / (2 * h);
            for (int i = 0; i < w.Length; i++) deviation[i] += gradient * (primaries[a][i] - means[a]);
        }
        double sum = 0;
        for (int i = 0; i < w.Length; i++) sum += w[i] * w[i] * deviation[i] * deviation[i];
        return (value, Math.Sqrt(sum));
    }
}
