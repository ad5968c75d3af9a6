using ScoreScope.Analysis;
using ScoreScope.Data;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Analysis;

public sealed class PollutionReportTests
{
    [Fact]
    public void Median_quantile_and_fraction_beyond_tolerance_are_exact_on_a_known_set()
    {
        var report = PollutionReport.FromDistances([.. Enumerable.Range(1, 10).Select(i => (double)i), double.NaN], 8);
        Assert.Equal(11, report.Count);
        Assert.Equal(1, report.NonFiniteCount);
        Assert.Equal(5.5, report.Median, 12);
        Assert.Equal(0.2, report.FractionBeyondTolerance, 12);
        Assert.InRange(report.Quantile90, 9.0, 10.0);
    }

    [Fact]
    public void Samples_on_the_circle_have_no_pollution()
    {
        var circle = UniformSphereDistribution.Circle();
        using var x = tensor(new[] { 0.6, 0.8, -1.0, 0.0, 0.0, 1.2 }, dtype: ScalarType.Float64).reshape(3, 2);
        var report = PollutionReport.Measure(circle, x, 0.1);
        Assert.Equal(0.0, report.Median, 14);
        Assert.Equal(1.0 / 3, report.FractionBeyondTolerance, 14);
    }
}
