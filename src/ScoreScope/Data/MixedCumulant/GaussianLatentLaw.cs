namespace ScoreScope.Data.MixedCumulant;

/// <summary>ν ~ N(0, 1): κ₃ = κ₄ = 0 (the null model: the cumulant spike carries nothing beyond the covariance).</summary>
public sealed class GaussianLatentLaw : LatentLaw
{
    static readonly Numerics.GaussHermiteRule Rule = new(64);

    /// <inheritdoc/>
    public override string Name => "gaussian";

    /// <inheritdoc/>
    public override double Kappa3 => 0;

    /// <inheritdoc/>
    public override double Kappa4 => 0;

    /// <inheritdoc/>
    public override double MeanAbsoluteValue => Math.Sqrt(2 / Math.PI);

    /// <inheritdoc/>
    public override double Sample(Random random) => Numerics.StandardNormalDraws.Next(random);

    /// <inheritdoc/>
    public override double Expectation(Func<double, double> f) => Rule.Expectation(f);
}
