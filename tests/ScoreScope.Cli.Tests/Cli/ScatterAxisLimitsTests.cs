using ScoreScope.Cli.Plotting;

namespace ScoreScope.Tests.Cli;

/// <summary>
/// Scatter axes follow the data and the central 99 % of the samples: 39 of 20 000 samples at radius up to 112 (the
/// ε-parametrised VP model on gmm8 of issue 13) no longer stretch the axes, and are counted.
/// </summary>
public sealed class ScatterAxisLimitsTests
{
    [Fact]
    public void A_few_far_samples_do_not_stretch_the_axes_and_are_counted()
    {
        var random = new Random(13);
        (double[], double[]) Ring(int n) => (Enumerable.Range(0, n).Select(_ => 0.0).ToArray(), Enumerable.Range(0, n).Select(_ => 0.0).ToArray());
        var reference = Ring(20_000);
        var samples = Ring(20_000);
        for (int i = 0; i < 20_000; i++)
        {
            double angle = 2 * Math.PI * random.Next(8) / 8;
            reference.Item1[i] = 4 * Math.Cos(angle) + 0.5 * Gaussian(random);
            reference.Item2[i] = 4 * Math.Sin(angle) + 0.5 * Gaussian(random);
            samples.Item1[i] = 4 * Math.Cos(angle) + 0.5 * Gaussian(random);
            samples.Item2[i] = 4 * Math.Sin(angle) + 0.5 * Gaussian(random);
        }
        for (int i = 0; i < 39; i++)
        {
            double radius = 20 + 92 * i / 38.0, angle = 2 * Math.PI * i / 39;
            samples.Item1[i] = radius * Math.Cos(angle);
            samples.Item2[i] = radius * Math.Sin(angle);
        }
        var limits = ScatterAxisLimits.Of(reference, samples);
        Assert.InRange(limits.XMax, 5, 8); // the ring reaches ≈ 6.2; padded by 10 %
        Assert.InRange(limits.XMin, -8, -5);
        Assert.InRange(limits.YMax, 5, 8);
        Assert.Equal(39, limits.SamplesOutside);
    }

    [Fact]
    public void Degenerate_and_non_finite_inputs_give_finite_limits()
    {
        var limits = ScatterAxisLimits.Of(([1.0, 1.0], [2.0, 2.0]), ([double.NaN, 1.0], [double.PositiveInfinity, 2.0]));
        Assert.True(limits.XMin < 1 && limits.XMax > 1 && limits.YMin < 2 && limits.YMax > 2);
        Assert.Equal(1, limits.SamplesOutside);
    }

    static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
