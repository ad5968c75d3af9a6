namespace ScoreScope.Analysis;

/// <summary>
/// A fitted power law y ≈ C·x^p by ordinary least squares on (log x, log y), with the standard errors of p and log C
/// from the residual variance (n − 2 degrees of freedom). Used for the blow-up exponents of Lu, Wang, Bal 2023
/// (arXiv 2301.07882): |S| ~ dist/t (p = −1 pointwise), E|S|² ~ k/b² (p = −1 in b²), E|f − x₀|² ~ d·b² (p = 1).
/// </summary>
/// <param name="Exponent">The fitted exponent p.</param>
/// <param name="ExponentStandardError">The standard error of p.</param>
/// <param name="LogPrefactor">The fitted log C.</param>
/// <param name="LogPrefactorStandardError">The standard error of log C.</param>
/// <param name="Count">The number of points used.</param>
public sealed record PowerLawFit(double Exponent, double ExponentStandardError, double LogPrefactor, double LogPrefactorStandardError, int Count)
{
    /// <summary>Fits y = C·x^p to positive pairs (x_i, y_i).</summary>
    /// <exception cref="ArgumentException">When lengths differ, fewer than 3 points are given, or a value is not positive and finite.</exception>
    public static PowerLawFit Fit(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count || x.Count < 3)
            throw new ArgumentException($"need ≥ 3 pairs of equal length; got {x.Count} x and {y.Count} y.", nameof(y));
        for (int i = 0; i < x.Count; i++)
        {
            if (!(x[i] > 0) || !(y[i] > 0) || !double.IsFinite(x[i]) || !double.IsFinite(y[i]))
                throw new ArgumentException($"pair {i} = ({x[i]}, {y[i]}) is not positive and finite.", nameof(y));
        }
        var lx = x.Select(v => Math.Log(v)).ToArray();
        var ly = y.Select(v => Math.Log(v)).ToArray();
        int n = lx.Length;
        double mx = lx.Average(), my = ly.Average();
        double sxx = lx.Sum(v => (v - mx) * (v - mx));
        if (sxx == 0) throw new ArgumentException("all x are equal; the exponent is undetermined.", nameof(x));
        double sxy = 0;
        for (int i = 0; i < n; i++) sxy += (lx[i] - mx) * (ly[i] - my);
        double slope = sxy / sxx, intercept = my - slope * mx;
        double rss = 0;
        for (int i = 0; i < n; i++) { double r = ly[i] - intercept - slope * lx[i]; rss += r * r; }
        double sigma2 = rss / (n - 2);
        double slopeSe = Math.Sqrt(sigma2 / sxx);
        double interceptSe = Math.Sqrt(sigma2 * (1.0 / n + mx * mx / sxx));
        return new PowerLawFit(slope, slopeSe, intercept, interceptSe, n);
    }

    /// <inheritdoc/>
    public override string ToString() => $"p = {Exponent:F4} ± {ExponentStandardError:F4} (n = {Count})";
}
