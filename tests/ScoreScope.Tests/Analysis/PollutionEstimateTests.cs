using ScoreScope.Analysis;
using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Analysis;

public sealed class PollutionEstimateTests
{
    const ulong Seed = 2301;

    [Fact]
    public void Bootstrap_errors_match_the_asymptotic_errors_of_half_normal_distances()
    {
        const int n = 4000, replicates = 400;
        using var generator = Seeds.Generator(Seed);
        using var draws = randn(n, dtype: ScalarType.Float64, generator: generator).abs();
        var distances = draws.data<double>().ToArray();
        const double tolerance = 1.0;
        var estimate = PollutionEstimate.Bootstrap(distances, tolerance, replicates, Seed);
        Assert.Equal(PollutionReport.FromDistances(distances, tolerance), estimate.Report);
        Assert.Equal(n, estimate.Report.Count);
        Assert.Equal(replicates, estimate.Replicates);

        // Median of |N(0,1)|: m = 0.6745, density 2φ(m) = 0.6356, SE = 1/(2·0.6356·√n) (Kendall & Stuart).
        double medianError = 1 / (2 * 2 * Normal(0.674489750196) * Math.Sqrt(n));
        // Fraction beyond 1: p = 2(1 − Φ(1)) = 0.3173, SE = √(p(1 − p)/n).
        double p = 0.317310507863;
        double fractionError = Math.Sqrt(p * (1 - p) / n);
        // A bootstrap SE from 400 replicates has ≈ 1/√800 = 3.5% relative noise; the median's is lumpier: allow 25%/15%.
        Assert.InRange(estimate.MedianError / medianError, 0.75, 1.25);
        Assert.InRange(estimate.FractionError / fractionError, 0.85, 1.15);
        Assert.True(estimate.Quantile90Error > 0, "the 90% quantile has a positive error");
    }

    [Fact]
    public void Non_finite_distances_are_excluded_and_counted()
    {
        var estimate = PollutionEstimate.Bootstrap([0.1, 0.2, double.NaN, 0.3, double.PositiveInfinity], 0.15, 20, Seed);
        Assert.Equal(2, estimate.Report.NonFiniteCount);
        Assert.Equal(0.2, estimate.Report.Median, 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => PollutionEstimate.Bootstrap([0.1, 0.2], 0.1, 1, Seed));
    }

    static double Normal(double x) => Math.Exp(-0.5 * x * x) / Math.Sqrt(2 * Math.PI);
}
