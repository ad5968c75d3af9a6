using ScoreScope.Analysis;

namespace ScoreScope.Tests.Analysis;

public sealed class PowerLawFitTests
{
    [Fact]
    public void Exact_power_law_is_recovered_with_vanishing_standard_error()
    {
        var x = new[] { 1e-4, 1e-3, 1e-2, 1e-1 };
        var fit = PowerLawFit.Fit(x, x.Select(v => 3 * Math.Pow(v, -1.5)).ToArray());
        Assert.Equal(-1.5, fit.Exponent, 12);
        Assert.Equal(Math.Log(3), fit.LogPrefactor, 11);
        Assert.True(fit.ExponentStandardError < 1e-12);
    }

    [Fact]
    public void Standard_error_matches_the_ordinary_least_squares_formula()
    {
        // log y = 2 log x + ε with ε = (+e, −e, −e, +e)·0.1 at log x = 0, 1, 2, 3: slope 2, RSS = 0.04·(1 − 0.8) ... computed below.
        var lx = new[] { 0.0, 1.0, 2.0, 3.0 };
        var eps = new[] { 0.1, -0.1, -0.1, 0.1 };
        var fit = PowerLawFit.Fit(lx.Select(Math.Exp).ToArray(), lx.Select((v, i) => Math.Exp(2 * v + eps[i])).ToArray());
        // ε is orthogonal to (1, log x), so the slope is exactly 2 and RSS = Σε² = 0.04; s² = 0.02, Sxx = 5.
        Assert.Equal(2.0, fit.Exponent, 12);
        Assert.Equal(Math.Sqrt(0.02 / 5), fit.ExponentStandardError, 12);
    }

    [Fact]
    public void Non_positive_values_are_rejected_with_their_index()
    {
        var e = Assert.Throws<ArgumentException>(() => PowerLawFit.Fit([1.0, 2.0, 3.0], [1.0, 0.0, 2.0]));
        Assert.Contains("pair 1", e.Message);
    }
}
