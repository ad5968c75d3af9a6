using System.Globalization;

namespace ScoreScope.Processes;

/// <summary>
/// The cosine schedule of Nichol &amp; Dhariwal 2021 ("Improved DDPM", Eq. 17) in continuous time:
/// ᾱ(t) = cos²(φ(t))/cos²(φ(0)) with φ(t) = (π/2)(t + s)/(1 + s), so β(t) = −d ln ᾱ/dt = π/(1+s)·tan φ(t).
/// As β diverges at t = 1, it is clipped at <see cref="BetaMax"/> (the continuous analogue of the paper's clipping
/// of β_t at 0.999); the integral B(t) = −ln ᾱ(t) is exact, including the linear part after the clip point.
/// </summary>
public sealed class CosineBetaSchedule : BetaSchedule
{
    readonly double _clipTime;

    /// <summary>Creates the schedule with offset s (default 0.008) and clip value β_max (default 20).</summary>
    /// <exception cref="ArgumentOutOfRangeException">For s ≤ 0 or β_max not above β(0).</exception>
    public CosineBetaSchedule(double offset = 0.008, double betaMax = 20.0)
    {
        if (!double.IsFinite(offset) || offset <= 0)
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "the cosine offset s must be finite and > 0.");
        Offset = offset;
        double beta0 = Math.PI / (1 + offset) * Math.Tan(Phi(0));
        if (!double.IsFinite(betaMax) || betaMax <= beta0)
            throw new ArgumentOutOfRangeException(nameof(betaMax), betaMax, $"β_max must be finite and > β(0) = {beta0}.");
        BetaMax = betaMax;
        double phiClip = Math.Atan(betaMax * (1 + offset) / Math.PI);
        _clipTime = Math.Min(1.0, phiClip * 2 * (1 + offset) / Math.PI - offset);
    }

    /// <summary>The offset s.</summary>
    public double Offset { get; }

    /// <summary>The clip value of β.</summary>
    public double BetaMax { get; }

    double Phi(double t) => 0.5 * Math.PI * (t + Offset) / (1 + Offset);

    double Unclipped(double t) => 2 * (Math.Log(Math.Cos(Phi(0))) - Math.Log(Math.Cos(Phi(t))));

    /// <inheritdoc/>
    public override double Beta(double t) =>
        t >= _clipTime ? BetaMax : Math.PI / (1 + Offset) * Math.Tan(Phi(t));

    /// <inheritdoc/>
    public override double Integral(double t) =>
        t <= _clipTime ? Unclipped(t) : Unclipped(_clipTime) + BetaMax * (t - _clipTime);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"cosine(s = {Offset}, βmax = {BetaMax})");
}
