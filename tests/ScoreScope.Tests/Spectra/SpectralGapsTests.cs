using ScoreScope.Spectra;

namespace ScoreScope.Tests.Spectra;

public sealed class SpectralGapsTests
{
    // docs/science/spectral-gaps.md oracle 7: empirical inner edges a = 0.1534, b = 0.3273 → t_max = 0.2241, maximal width 0.18726,
    // and at Δ = 0.1: t_open = 0.0412, t_close = 1.2174. The note computed these from unrounded edges; a and b rounded
    // to 4 digits carry a relative error up to 3e-4, so the values are compared to a relative 1e-3 (from the rounded
    // inputs: width 0.187222, t_open 0.041254, t_close 1.217046, exactly t_open·t_close = ab).
    [Fact]
    public void Intermediate_gap_peak_and_threshold_times_match_the_worked_example()
    {
        const double a = 0.1534, b = 0.3273;
        Assert.Equal(0.2241, SpectralGaps.PeakTime(a, b), 0.2241e-3);
        Assert.Equal(0.18726, SpectralGaps.PeakWidth(a, b), 0.18726e-3);
        var times = SpectralGaps.OpeningAndClosingTimes(a, b, 0.1);
        Assert.NotNull(times);
        Assert.Equal(0.0412, times.Value.Open, 5e-5 + 0.0412e-3); // quoted to 4 decimals: ±5e-5 rounding on top
        Assert.Equal(1.2174, times.Value.Close, 1.2174e-3);
    }

    [Theory]
    [InlineData(0.1577, 0.3271, 0.05)]
    [InlineData(0.01, 1.0, 0.5)]
    [InlineData(2.0, 3.0, 0.01)]
    public void Threshold_times_bracket_the_peak_as_a_geometric_mean_and_the_gap_equals_the_threshold_there(double a, double b, double threshold)
    {
        var (open, close) = SpectralGaps.OpeningAndClosingTimes(a, b, threshold)!.Value;
        double peak = SpectralGaps.PeakTime(a, b);
        Assert.True(open < peak && peak < close, $"{open} < {peak} < {close}");
        Assert.Equal(a * b, open * close, 1e-12 * a * b);
        Assert.Equal(threshold, SpectralGaps.IntermediateGap(open, a, b), 12);
        Assert.Equal(threshold, SpectralGaps.IntermediateGap(close, a, b), 12);
        double width = SpectralGaps.PeakWidth(a, b);
        Assert.Equal(width, SpectralGaps.IntermediateGap(peak, a, b), 14);
        Assert.True(SpectralGaps.IntermediateGap(peak * 1.01, a, b) < width && SpectralGaps.IntermediateGap(peak / 1.01, a, b) < width);
    }

    [Fact]
    public void A_threshold_above_the_peak_width_never_opens_the_gap()
    {
        double width = SpectralGaps.PeakWidth(0.1577, 0.3271);
        Assert.Null(SpectralGaps.OpeningAndClosingTimes(0.1577, 0.3271, width * 1.0001));
        Assert.NotNull(SpectralGaps.OpeningAndClosingTimes(0.1577, 0.3271, width * 0.9999));
    }

    // The intermediate gap is the distance between the normalised bulk edges −t/(t + a) and −t/(t + b).
    [Theory]
    [InlineData(1e-3)]
    [InlineData(0.2)]
    [InlineData(50)]
    public void Gaps_are_distances_between_normalised_eigenvalues(double t)
    {
        const double a = 0.1577, b = 0.3271, lower = 0.0176;
        Assert.Equal(SpectralGaps.NormalisedEigenvalue(t, b) - SpectralGaps.NormalisedEigenvalue(t, a), SpectralGaps.IntermediateGap(t, a, b), 14);
        Assert.Equal(SpectralGaps.NormalisedEigenvalue(t, lower) - -1.0, SpectralGaps.ManifoldGap(t, lower), 14);
    }

    [Fact]
    public void Manifold_gap_reaches_the_threshold_at_its_opening_time_and_grows_as_t_decreases()
    {
        const double lower = 0.13509, threshold = 0.3;
        double open = SpectralGaps.ManifoldGapOpeningTime(lower, threshold);
        Assert.Equal(threshold, SpectralGaps.ManifoldGap(open, lower), 14);
        Assert.True(SpectralGaps.ManifoldGap(open / 2, lower) > threshold);
        Assert.True(SpectralGaps.ManifoldGap(1e-8, lower) > 0.9999);
    }

    [Fact]
    public void Invalid_arguments_are_rejected_naming_the_value()
    {
        Assert.Contains("detached", Assert.Throws<ArgumentOutOfRangeException>(() => SpectralGaps.IntermediateGap(0.1, 0.3, 0.2)).Message);
        Assert.Contains("squared noise-to-signal ratio", Assert.Throws<ArgumentOutOfRangeException>(() => SpectralGaps.ManifoldGap(0, 0.1)).Message);
        Assert.Contains("threshold", Assert.Throws<ArgumentOutOfRangeException>(() => SpectralGaps.OpeningAndClosingTimes(0.1, 0.2, 1.0)).Message);
    }
}
