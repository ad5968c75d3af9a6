using System.Globalization;
using ScoreScope.Numerics;

namespace ScoreScope.Processes;

/// <summary>
/// A variance-exploding (VE) SDE dx = g(t) dW with exponential diffusion g(t) = c·r^t, so a(t) = 1 and
/// b(t)² = c²(r^{2t} − 1)/(2 ln r). Two named parametrisations:
/// <see cref="Geometric"/> (score_sde's VESDE, σ(t) = σ_min(σ_max/σ_min)^t, Song et al. 2021 Eq. 9, here with the
/// exact marginal b² = σ(t)² − σ_min²) and <see cref="WithDiffusionBase"/> (g(t) = σ^t, b² = (σ^{2t} − 1)/(2 ln σ),
/// Song et al.'s tutorial and Aarts et al. 2024, arXiv 2410.21212, Eq. 2.3). Prior N(0, b(T)² I).
/// </summary>
public sealed class VarianceExplodingProcess : ForwardProcess
{
    readonly double _logRate;
    readonly string _description;

    VarianceExplodingProcess(double scale, double rate, string description)
    {
        Scale = scale;
        Rate = rate;
        _logRate = Math.Log(rate);
        _description = description;
    }

    /// <summary>The constant c in g(t) = c·r^t.</summary>
    public double Scale { get; }

    /// <summary>The base r in g(t) = c·r^t.</summary>
    public double Rate { get; }

    /// <summary>Geometric VE: σ(t) = σ_min(σ_max/σ_min)^t, g(t) = σ(t)√(2 ln(σ_max/σ_min)).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unless 0 &lt; σ_min &lt; σ_max, both finite.</exception>
    public static VarianceExplodingProcess Geometric(double sigmaMin = 0.01, double sigmaMax = 50.0)
    {
        if (!double.IsFinite(sigmaMin) || sigmaMin <= 0)
            throw new ArgumentOutOfRangeException(nameof(sigmaMin), sigmaMin, "σ_min must be finite and > 0.");
        if (!double.IsFinite(sigmaMax) || sigmaMax <= sigmaMin)
            throw new ArgumentOutOfRangeException(nameof(sigmaMax), sigmaMax, $"σ_max must be finite and > σ_min = {sigmaMin}.");
        double rate = sigmaMax / sigmaMin;
        return new VarianceExplodingProcess(sigmaMin * Math.Sqrt(2 * Math.Log(rate)), rate,
            string.Create(CultureInfo.InvariantCulture, $"VE(σmin = {sigmaMin}, σmax = {sigmaMax})"));
    }

    /// <summary>VE with g(t) = σ^t and b(t)² = (σ^{2t} − 1)/(2 ln σ) (Aarts et al. 2024 use σ = 10).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unless σ &gt; 1 and finite.</exception>
    public static VarianceExplodingProcess WithDiffusionBase(double sigma = 10.0)
    {
        if (!double.IsFinite(sigma) || sigma <= 1)
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "σ must be finite and > 1 for g(t) = σ^t.");
        return new VarianceExplodingProcess(1.0, sigma,
            string.Create(CultureInfo.InvariantCulture, $"VE(g = {sigma}^t)"));
    }

    /// <inheritdoc/>
    public override double DriftCoefficient(double t) => 0.0;

    /// <inheritdoc/>
    public override double Diffusion(double t) => Scale * Math.Exp(t * _logRate);

    /// <inheritdoc/>
    public override double A(double t) => 1.0;

    /// <inheritdoc/>
    public override double B(double t) => Scale * Math.Sqrt(ExponentialMinusOne.Evaluate(2 * t * _logRate) / (2 * _logRate));

    /// <inheritdoc/>
    public override string ToString() => _description;
}
