namespace ScoreScope.Data.MixedCumulant;

/// <summary>ν = ±1 with probability ½ each: κ₃ = 0, κ₄ = −2 (the default latent of the diffusion paper's code).</summary>
/// <remarks>DiffusionEasy2Hard <c>data.py</c>: <c>sign(N(0,1))</c>; correlated: a₀ = sign(a₁), E[λν] = √(2/π).</remarks>
public sealed class RademacherLaw : LatentLaw
{
    /// <inheritdoc/>
    public override string Name => "rademacher";

    /// <inheritdoc/>
    public override double Kappa3 => 0;

    /// <inheritdoc/>
    public override double Kappa4 => -2;

    /// <inheritdoc/>
    public override double MeanAbsoluteValue => 1;

    /// <inheritdoc/>
    public override double Sample(Random random) => random.NextDouble() < 0.5 ? -1.0 : 1.0;

    /// <inheritdoc/>
    public override double SampleCoupled(double lambda, Random random) => lambda < 0 ? -1.0 : 1.0;

    /// <inheritdoc/>
    public override double Expectation(Func<double, double> f) => 0.5 * f(-1) + 0.5 * f(1);
}
