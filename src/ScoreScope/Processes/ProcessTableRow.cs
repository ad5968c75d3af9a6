namespace ScoreScope.Processes;

/// <summary>
/// The coefficients of a forward process dx = f(t)·x dt + g(t) dW at one time, with its marginal
/// x_t = a(t)·x₀ + b(t)·ε (Song et al. 2021, Eqs. 5, 29; Kingma et al. 2021 for the SNR).
/// </summary>
/// <param name="Time">Process time t.</param>
/// <param name="A">Scale a(t).</param>
/// <param name="B">Noise b(t).</param>
/// <param name="Sigma">Noise-to-signal ratio σ(t) = b/a (EDM's σ).</param>
/// <param name="SignalToNoise">SNR(t) = a²/b².</param>
/// <param name="Drift">Drift coefficient f(t).</param>
/// <param name="Beta">β(t) = −2 f(t) for the VP family (null for VE, whose drift is 0).</param>
/// <param name="Diffusion">Diffusion coefficient g(t).</param>
public sealed record ProcessTableRow(double Time, double A, double B, double Sigma, double SignalToNoise, double Drift, double? Beta,
    double Diffusion)
{
    /// <summary>The row of <paramref name="process"/> at time <paramref name="t"/>.</summary>
    public static ProcessTableRow At(ForwardProcess process, double t)
    {
        ArgumentNullException.ThrowIfNull(process);
        double a = process.A(t), b = process.B(t), f = process.DriftCoefficient(t);
        return new ProcessTableRow(t, a, b, b / a, a * a / (b * b), f, process is VarianceExplodingProcess ? null : -2 * f, process.Diffusion(t));
    }
}
