using ScoreScope.Analysis;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Analysis;

/// <summary>
/// Issue 13, deliverable 3: <c>evaluate</c> (through the sample metric suite) reports the fraction of samples beyond
/// the data's radius. Exact cases, and the null expectation 1/(n + 1) for true samples.
/// </summary>
public sealed class OutlierFractionTests
{
    [Fact]
    public void Points_beyond_the_largest_reference_distance_are_counted_exactly()
    {
        // Centre 0 (mean of the centre set); reference: four points at distance 1. Samples: radii 0.5, 1 (not beyond), 2, 112, NaN.
        using var centreSet = tensor(new double[,] { { 3, -1 }, { -3, 1 } });
        using var reference = tensor(new double[,] { { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 } });
        using var samples = tensor(new double[,] { { 0.5, 0 }, { 0, 1 }, { 2, 0 }, { 0, -112 }, { double.NaN, 0 } });

        var outliers = OutlierFraction.Compute(samples, reference, centreSet);

        Assert.Equal(1.0, outliers.Radius, 12);
        Assert.Equal(3, outliers.Count);
        Assert.Equal(0.6, outliers.Fraction, 12);
        Assert.Equal(0.2, outliers.ExpectedFraction, 12);
        Assert.Equal(double.PositiveInfinity, outliers.MaximumSampleRadius);
    }

    [Fact]
    public void True_samples_are_outliers_at_the_rate_one_over_n_plus_one()
    {
        // Seed 20261204; 400 independent trials of n = 50 Gaussian reference points in 3-D, 50 centre points and 200
        // fresh samples: the mean fraction estimates P(|x − c| > max_i |y_i − c|) = 1/(n + 1) = 0.0196 exactly (x and
        // the y_i are exchangeable given c). Tolerance: 4 standard errors of the mean over trials.
        const int trials = 400, n = 50, m = 200;
        using var generator = new TorchSharp.torch.Generator(20261204);
        var fractions = new double[trials];
        for (int i = 0; i < trials; i++)
        {
            using var scope = NewDisposeScope();
            var reference = randn([n, 3], dtype: ScalarType.Float64, generator: generator);
            var centreSet = randn([n, 3], dtype: ScalarType.Float64, generator: generator);
            var samples = randn([m, 3], dtype: ScalarType.Float64, generator: generator);
            fractions[i] = OutlierFraction.Compute(samples, reference, centreSet).Fraction;
        }
        Assert.Equal(trials, fractions.Length);
        double mean = fractions.Average();
        double se = Math.Sqrt(fractions.Sum(f => (f - mean) * (f - mean)) / (trials - 1) / trials);
        double expected = 1.0 / (n + 1);
        Assert.True(Math.Abs(mean - expected) <= 4 * se,
            $"mean outlier fraction {mean:G4} vs 1/(n+1) = {expected:G4}; 4 SE = {4 * se:G3} over {trials} trials (seed 20261204)");
    }

    [Fact]
    public void Different_point_shapes_are_a_typed_error_naming_both()
    {
        using var reference = zeros(4, 2);
        using var samples = zeros(4, 3);
        var e = Assert.Throws<ArgumentException>(() => OutlierFraction.Compute(samples, reference, reference));
        Assert.Contains("[4, 3]", e.Message);
        Assert.Contains("[4, 2]", e.Message);
    }
}
