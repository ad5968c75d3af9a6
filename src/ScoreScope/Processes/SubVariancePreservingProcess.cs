using ScoreScope.Numerics;

namespace ScoreScope.Processes;

/// <summary>
/// The sub-VP SDE dx = −½β(t)x dt + √(β(t)(1 − e^{−2B(t)})) dW (Song et al. 2021, Eq. 12):
/// a(t) = exp(−½B(t)), b(t) = 1 − exp(−B(t)), whose variance never exceeds the VP one. Prior N(0, I).
/// </summary>
public sealed class SubVariancePreservingProcess : ForwardProcess
{
    /// <summary>Creates a sub-VP process with the given β schedule.</summary>
    public SubVariancePreservingProcess(BetaSchedule schedule) =>
        Schedule = schedule ?? throw new ArgumentNullException(nameof(schedule));

    /// <summary>Sub-VP with linear β from β_min to β_max (score_sde's subVPSDE; defaults 0.1 and 20).</summary>
    public static SubVariancePreservingProcess WithBetaRange(double betaMin = 0.1, double betaMax = 20.0) =>
        new(new LinearBetaSchedule(betaMin, betaMax));

    /// <summary>The β schedule.</summary>
    public BetaSchedule Schedule { get; }

    /// <inheritdoc/>
    public override double DriftCoefficient(double t) => -0.5 * Schedule.Beta(t);

    /// <inheritdoc/>
    public override double Diffusion(double t) => Math.Sqrt(Schedule.Beta(t) * -ExponentialMinusOne.Evaluate(-2 * Schedule.Integral(t)));

    /// <inheritdoc/>
    public override double A(double t) => Math.Exp(-0.5 * Schedule.Integral(t));

    /// <inheritdoc/>
    public override double B(double t) => -ExponentialMinusOne.Evaluate(-Schedule.Integral(t));

    /// <inheritdoc/>
    public override double PriorStandardDeviation => 1.0;

    /// <inheritdoc/>
    public override string ToString() => $"subVP({Schedule})";
}
