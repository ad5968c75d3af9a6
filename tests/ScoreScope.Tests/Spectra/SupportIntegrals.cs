using MathNet.Numerics.Integration;
using ScoreScope.Spectra;

namespace ScoreScope.Tests.Spectra;

/// <summary>Mass, mean and second moment of a density supported on an interval (square-root edges are handled by
/// the substitution λ = mid + half·sin θ, which makes the integrand smooth).</summary>
internal static class SupportIntegrals
{
    public static (double Mass, double Mean, double SecondMoment) Moments(Func<double, double> density, SpectralInterval interval)
    {
        double mid = 0.5 * (interval.Lower + interval.Upper), half = 0.5 * interval.Width;
        double Integrate(Func<double, double> f) => GaussLegendreRule.Integrate(
            theta => f(mid + half * Math.Sin(theta)) * half * Math.Cos(theta), -Math.PI / 2, Math.PI / 2, 256);
        return (Integrate(density), Integrate(l => l * density(l)), Integrate(l => l * l * density(l)));
    }
}
