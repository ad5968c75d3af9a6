using ScoreScope.Data;
using Xunit;

namespace ScoreScope.Tests.Data;

public sealed class MnistSubsetTests
{
    [Fact]
    public void Embedded_subset_has_ten_thousand_labelled_digits_with_the_documented_class_counts()
    {
        var labels = MnistSubset.Labels();
        var pixels = MnistSubset.Pixels();
        Assert.Equal(10_000, labels.Length);
        Assert.Equal(10_000 * 28 * 28, pixels.Length);
        int[] expected = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];
        Assert.Equal(expected, Enumerable.Range(0, 10).Select(k => labels.Count(l => l == k)).ToArray());
        Assert.Equal(255, pixels.Max());
        Assert.Equal(0, pixels.Min());
        // Mean ink: MNIST digits cover roughly 10–20% of the image; a garbled file would not.
        double meanPixel = pixels.Average(p => (double)p) / 255;
        Assert.InRange(meanPixel, 0.08, 0.2);
    }

    [Fact]
    public void Points_are_in_minus_one_to_one()
    {
        using var points = MnistSubset.Points();
        Assert.Equal(new long[] { 10_000, 784 }, points.shape);
        Assert.Equal(-1.0, points.min().item<double>());
        Assert.Equal(1.0, points.max().item<double>());
    }
}
