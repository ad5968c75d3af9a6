using ScoreScope.Numerics;

namespace ScoreScope.Processes;

/// <summary>
/// The variance-preserving (VP) SDE dx = −½β(t)x dt + √β(t) dW (Song et al. 2021, Eq. 11; DDPM's continuous limit):
/// a(t) = exp(−½B(t)), b(t)² = 1 − exp(−B(t)) with B(t) = ∫₀ᵗ β. Prior N(0, I).
/// </summary>
public sealed class VariancePreservingProcess : ForwardProcess
{
    /// <summary>Creates a VP process with the given β schedule.</summary>
    public VariancePreservingProcess(BetaSchedule schedule) =>
        Schedule = schedule ?? throw new ArgumentNullException(nameof(schedule));

    /// <summary>VP with linear β from β_min to β_max (score_sde's VPSDE; defaults 0.1 and 20).</summary>
    public static VariancePreservingProcess WithBetaRange(double betaMin = 0.1, double betaMax = 20.0) =>
        new(new LinearBetaSchedule(betaMin, betaMax));

    /// <summary>VP with the clipped continuous cosine schedule (Nichol &amp; Dhariwal 2021).</summary>
    public static VariancePreservingProcess Cosine(double offset = 0.008, double betaMax = 20.0) =>
        new(new CosineBetaSchedule(offset, betaMax));

    /// <summary>The Ornstein–Uhlenbeck process with constant β (β = 1: a = e^{−t/2}, b² = 1 − e^{−t}).</summary>
    public static VariancePreservingProcess OrnsteinUhlenbeck(double beta = 1.0) => new(new ConstantBetaSchedule(beta));

    /// <summary>
    /// VP with g(t) = σ^t, i.e. β(t) = σ^{2t} (<see cref="ExponentialBetaSchedule"/>): the VP process of Aarts et al. 2024
    /// (arXiv 2410.21212), who use σ = 10.
    /// </summary>
    public static VariancePreservingProcess WithDiffusionBase(double sigma = 10.0) => new(new ExponentialBetaSchedule(sigma));

    /// <summary>The β schedule.</summary>
    public BetaSchedule Schedule { get; }

    /// <inheritdoc/>
    public override double DriftCoefficient(double t) => -0.5 * Schedule.Beta(t);

    /// <inheritdoc/>
    public override double Diffusion(double t) => Math.Sqrt(Schedule.Beta(t));

    /// <inheritdoc/>
    public override double A(double t) => Math.Exp(-0.5 * Schedule.Integral(t));

    /// <inheritdoc/>
    public override double B(double t) => Math.Sqrt(-ExponentialMinusOne.Evaluate(-Schedule.Integral(t)));

    /// <inheritdoc/>
    public override double PriorStandardDeviation => 1.0;

    /// <inheritdoc/>
    public override string ToString() => $"VP({Schedule})";
}
