namespace ScoreScope.Data.MixedCumulant;

/// <summary>
/// The skewed two-point latent of the 2024 mixed cumulant model: ν = −1/√2 with probability ⅔ and +√2 with
/// probability ⅓, so E ν = 0, E ν² = 1, κ₃ = 1/√2, κ₄ = −3/2. Its coupling to λ is the code's threshold rule
/// ν = +√2 exactly when λ &lt; q, q = Φ⁻¹(⅓) ≈ −0.430727, giving E[λν] = −(3/√2)·φ(q) ≈ −0.771.
/// </summary>
/// <remarks>
/// Bardone &amp; Goldt (2024), arXiv 2404.08602; DiffusionEasy2Hard compiled <c>stats/mixed_cumulant.py</c>:
/// ν = (−1 + 3·1[U &gt; ⅔])/√2 (independent) and ν = (−1 + 3·1[λ &lt; −0.430727])/√2 (correlated).
/// </remarks>
public sealed class SkewedLatentLaw : LatentLaw
{
    static readonly double Threshold = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 1.0 / 3);

    /// <inheritdoc/>
    public override string Name => "skewed";

    /// <inheritdoc/>
    public override double Kappa3 => 1 / Math.Sqrt(2);

    /// <inheritdoc/>
    public override double Kappa4 => -1.5;

    /// <inheritdoc/>
    public override double MeanAbsoluteValue => 2.0 / 3 / Math.Sqrt(2) + Math.Sqrt(2) / 3;

    /// <inheritdoc/>
    public override double CoupledCrossMoment => -3 / Math.Sqrt(2) * Math.Exp(-0.5 * Threshold * Threshold) / Math.Sqrt(2 * Math.PI);

    /// <inheritdoc/>
    public override double Sample(Random random) => random.NextDouble() > 2.0 / 3 ? Math.Sqrt(2) : -1 / Math.Sqrt(2);

    /// <inheritdoc/>
    public override double SampleCoupled(double lambda, Random random) => lambda < Threshold ? Math.Sqrt(2) : -1 / Math.Sqrt(2);

    /// <inheritdoc/>
    public override double Expectation(Func<double, double> f) => 2.0 / 3 * f(-1 / Math.Sqrt(2)) + 1.0 / 3 * f(Math.Sqrt(2));
}
