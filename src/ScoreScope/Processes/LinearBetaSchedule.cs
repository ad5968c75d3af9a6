using System.Globalization;

namespace ScoreScope.Processes;

/// <summary>
/// The linear schedule β(t) = β_min + t·(β_max − β_min) of DDPM's continuous limit (Song et al. 2021, Eq. 11;
/// defaults β_min = 0.1, β_max = 20).
/// </summary>
public sealed class LinearBetaSchedule : BetaSchedule
{
    /// <summary>Creates the schedule; requires 0 ≤ β_min ≤ β_max and both finite.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For negative, non-finite or decreasing β.</exception>
    public LinearBetaSchedule(double betaMin = 0.1, double betaMax = 20.0)
    {
        if (!double.IsFinite(betaMin) || betaMin < 0)
            throw new ArgumentOutOfRangeException(nameof(betaMin), betaMin, "β_min must be finite and ≥ 0.");
        if (!double.IsFinite(betaMax) || betaMax < betaMin || betaMax <= 0)
            throw new ArgumentOutOfRangeException(nameof(betaMax), betaMax, $"β_max must be finite, > 0 and ≥ β_min = {betaMin}.");
        BetaMin = betaMin;
        BetaMax = betaMax;
    }

    /// <summary>β at t = 0.</summary>
    public double BetaMin { get; }

    /// <summary>β at t = 1.</summary>
    public double BetaMax { get; }

    /// <inheritdoc/>
    public override double Beta(double t) => BetaMin + t * (BetaMax - BetaMin);

    /// <inheritdoc/>
    public override double Integral(double t) => BetaMin * t + 0.5 * t * t * (BetaMax - BetaMin);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"linear(βmin = {BetaMin}, βmax = {BetaMax})");
}
