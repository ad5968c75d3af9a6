using MathNet.Numerics.Integration;

namespace ScoreScope.Semigroups;

/// <summary>
/// The Fisher error E_ρ|s̃ − s|² = ∫ ρ(x)(s̃(x) − s(x))² dx of a one-dimensional score by quadrature
/// (docs/science/04 §5.4), composite Gauss–Legendre on equal panels.
/// </summary>
public static class FisherError
{
    /// <summary>
    /// ∫_lower^upper ρ(s̃ − s)² dx with <paramref name="panels"/> panels of 32-point Gauss–Legendre.
    /// </summary>
    /// <exception cref="ArgumentException">For an empty interval or fewer than one panel.</exception>
    public static double OnInterval(Func<double, double> density, Func<double, double> estimate, Func<double, double> reference,
        double lower, double upper, int panels = 200)
    {
        ArgumentNullException.ThrowIfNull(density);
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(reference);
        if (!(upper > lower) || panels < 1)
            throw new ArgumentException($"need lower < upper and panels ≥ 1; got [{lower}, {upper}], {panels}.", nameof(panels));
        double h = (upper - lower) / panels, total = 0;
        for (int p = 0; p < panels; p++)
        {
            double a = lower + p * h;
            total += GaussLegendreRule.Integrate(x =>
            {
                double d = estimate(x) - reference(x);
                return density(x) * d * d;
            }, a, a + h, 32);
        }
        return total;
    }
}
