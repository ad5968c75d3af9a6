using System.Globalization;
using ScoreScope.Numerics;

namespace ScoreScope.Processes;

/// <summary>
/// The rate β(t) = σ^{2t}, i.e. the VP process dx = −½g(t)²x dt + g(t) dW with g(t) = σ^t used by Aarts et al. 2024
/// (arXiv 2410.21212, code <c>VPMarginalProb</c>): B(t) = ∫₀ᵗ β = (σ^{2t} − 1)/(2 ln σ), so a(t) = e^{−B/2} and
/// b(t)² = 1 − e^{−B}. With σ = 10, B(1) = 21.4976.
/// </summary>
public sealed class ExponentialBetaSchedule : BetaSchedule
{
    readonly double _logSigma;

    /// <summary>Creates the schedule; requires σ &gt; 1 and finite.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unless σ &gt; 1 and finite.</exception>
    public ExponentialBetaSchedule(double sigma = 10.0)
    {
        if (!double.IsFinite(sigma) || sigma <= 1)
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "σ must be finite and > 1.");
        Sigma = sigma;
        _logSigma = Math.Log(sigma);
    }

    /// <summary>The base σ of g(t) = σ^t.</summary>
    public double Sigma { get; }

    /// <inheritdoc/>
    public override double Beta(double t) => Math.Exp(2 * t * _logSigma);

    /// <inheritdoc/>
    public override double Integral(double t) => ExponentialMinusOne.Evaluate(2 * t * _logSigma) / (2 * _logSigma);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"exponential(β = {Sigma}^(2t))");
}
