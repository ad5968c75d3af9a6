using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace ScoreScope.Data.MixedCumulant;

/// <summary>
/// Student's t with ν_df &gt; 4 degrees of freedom rescaled to unit variance, ν = T·√((ν_df − 2)/ν_df):
/// κ₃ = 0, κ₄ = 6/(ν_df − 4). The code's default ν_df = 4.01 has κ₄ = 600 and no finite sixth moment, so sample
/// estimates of its κ₄ have no finite standard error; moment checks need ν_df &gt; 8.
/// </summary>
/// <remarks>
/// DiffusionEasy2Hard <c>data.py</c>, <c>students_t(df=4.01)</c>. Drawn as G/√(χ²/ν_df) with the χ² draw from
/// MathNet's <see cref="Gamma"/> sampler. E|T| = 2√ν Γ((ν+1)/2) / (√π (ν−1) Γ(ν/2)).
/// </remarks>
public sealed class StudentTLaw : LatentLaw
{
    /// <summary>The unit-variance t law with <paramref name="degreesOfFreedom"/> degrees of freedom.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unless ν_df &gt; 4 and finite (κ₄ must exist).</exception>
    public StudentTLaw(double degreesOfFreedom)
    {
        if (!(degreesOfFreedom > 4) || double.IsInfinity(degreesOfFreedom))
            throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "degrees of freedom must be finite and > 4 for the fourth cumulant to exist.");
        DegreesOfFreedom = degreesOfFreedom;
        Scale = Math.Sqrt((degreesOfFreedom - 2) / degreesOfFreedom);
    }

    /// <summary>The degrees of freedom ν_df.</summary>
    public double DegreesOfFreedom { get; }

    /// <summary>The scale √((ν_df − 2)/ν_df) that makes the variance 1.</summary>
    public double Scale { get; }

    /// <inheritdoc/>
    public override string Name => FormattableString.Invariant($"student-t(df={DegreesOfFreedom})");

    /// <inheritdoc/>
    public override double Kappa3 => 0;

    /// <inheritdoc/>
    public override double Kappa4 => 6 / (DegreesOfFreedom - 4);

    /// <inheritdoc/>
    public override double MeanAbsoluteValue
    {
        get
        {
            double v = DegreesOfFreedom;
            double logRatio = SpecialFunctions.GammaLn((v + 1) / 2) - SpecialFunctions.GammaLn(v / 2);
            return Scale * 2 * Math.Sqrt(v) * Math.Exp(logRatio) / (Math.Sqrt(Math.PI) * (v - 1));
        }
    }

    /// <inheritdoc/>
    public override double Sample(Random random)
    {
        double g = Numerics.StandardNormalDraws.Next(random);
        double chiSquare = Gamma.Sample(random, DegreesOfFreedom / 2, 0.5);
        return Scale * g / Math.Sqrt(chiSquare / DegreesOfFreedom);
    }

    /// <inheritdoc/>
    public override double Expectation(Func<double, double> f)
    {
        double v = DegreesOfFreedom, s = Scale;
        return Integrate.GaussKronrod(x => f(x) * StudentT.PDF(0, s, v, x), double.NegativeInfinity, double.PositiveInfinity, 1e-12, 20, 15);
    }
}
