namespace ScoreScope.Data.MixedCumulant;

/// <summary>
/// The law of the non-Gaussian latent ν of the mixed cumulant model, standardised to mean 0 and variance 1, with its
/// exact third and fourth cumulants, and its coupling to the Gaussian covariance latent λ ~ N(0, 1) for the
/// correlated-latent variant.
/// </summary>
/// <remarks>
/// Bardone &amp; Goldt (2024), "Sliding down the stairs", ICML (arXiv 2404.08602), §2 (the MCM); Bardone, Merger &amp;
/// Goldt (2026), arXiv 2603.12901; public code ClaudiaMer/DiffusionEasy2Hard, <c>MCM_twolayer_minimal/data.py</c>.
/// The coupling of symmetric laws is ν = sign(λ)·|ν′| with ν′ an independent draw of the law, which keeps the marginal
/// law of ν and generalises the code's Rademacher rule a₀ = sign(a₁); E[λν] = √(2/π)·E|ν|.
/// </remarks>
public abstract class LatentLaw
{
    /// <summary>A short name with the parameter, e.g. <c>three-mixture(a=0.01)</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The third cumulant κ₃(ν) = E ν³ (the law is standardised).</summary>
    public abstract double Kappa3 { get; }

    /// <summary>The fourth cumulant (excess kurtosis) κ₄(ν) = E ν⁴ − 3.</summary>
    public abstract double Kappa4 { get; }

    /// <summary>E|ν| (used by the sign coupling).</summary>
    public abstract double MeanAbsoluteValue { get; }

    /// <summary>E[λν] for the coupled pair (λ ~ N(0, 1), ν = <see cref="SampleCoupled"/>(λ)).</summary>
    public virtual double CoupledCrossMoment => Math.Sqrt(2 / Math.PI) * MeanAbsoluteValue;

    /// <summary>One independent draw of ν.</summary>
    public abstract double Sample(Random random);

    /// <summary>A draw of ν coupled to λ ~ N(0, 1) (same marginal law; E[λν] = <see cref="CoupledCrossMoment"/>).</summary>
    public virtual double SampleCoupled(double lambda, Random random) =>
        (lambda < 0 ? -1.0 : 1.0) * Math.Abs(Sample(random));

    /// <summary>E f(ν), exactly for discrete laws and by adaptive quadrature for continuous ones.</summary>
    public abstract double Expectation(Func<double, double> f);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
