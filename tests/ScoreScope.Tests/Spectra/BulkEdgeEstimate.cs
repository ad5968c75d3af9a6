using MathNet.Numerics;

namespace ScoreScope.Tests.Spectra;

/// <summary>
/// Edge of a finite-size bulk without the Tracy–Widom displacement of the extreme eigenvalue (which is O(n^{-2/3}) and
/// biased into the bulk, ≈ +1.7% ± 1.8% at the α = 0.4 lower edge for m = 800): near a square-root edge the quantile
/// function is λ(q) = γ + C₁q^{2/3} + C₂q^{4/3} + …, so the extreme 5% of the (pooled) order statistics, at
/// q_j = (j − ½)/n, are fitted by a quadratic in q^{2/3} and the intercept is the edge.
/// </summary>
internal static class BulkEdgeEstimate
{
    public static double Lower(IReadOnlyList<double> bulk) => Intercept(bulk.Order().ToArray());

    public static double Upper(IReadOnlyList<double> bulk) => Intercept(bulk.OrderDescending().ToArray());

    static double Intercept(double[] ordered)
    {
        int count = Math.Max(10, ordered.Length / 20);
        var q = Enumerable.Range(1, count).Select(j => Math.Pow((j - 0.5) / ordered.Length, 2.0 / 3.0)).ToArray();
        return Fit.Polynomial(q, ordered[..count], 2)[0];
    }
}
