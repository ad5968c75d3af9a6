using ScoreScope.Analysis;
using ScoreScope.Data;
using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Analysis;

public sealed class ModeOccupancyTests
{
    [Fact]
    public void Occupancies_are_fractions_with_binomial_standard_errors()
    {
        using var labels = tensor(new long[] { 0, 2, 2, 1, 2, 0, 2, 2 });
        var occupancy = ModeOccupancy.Compute(labels, 4);
        Assert.Equal(new[] { 0.25, 0.125, 0.625, 0.0 }, occupancy.Select(e => e.Value));
        Assert.Equal(Math.Sqrt(0.625 * 0.375 / 8), occupancy[2].StandardError, 15);
        Assert.Equal(0.0, occupancy[3].StandardError);
        Assert.All(occupancy, e => Assert.Equal(8L, e.Count));
    }

    [Fact]
    [Trait("Category", "Statistical")]
    public void Samples_of_the_ring_occupy_every_mode_equally()
    {
        // 16000 samples of gmm8: each p̂_k within 4 binomial SE (√(1/8·7/8/16000) ≈ 0.0026) of 1/8; the modes
        // are 8 sd apart, so misassignment is negligible (< 10⁻⁸).
        using var ring = GaussianMixtureDistribution.Ring();
        using var generator = Seeds.Generator(8);
        using var samples = ring.Sample(16_000, generator);
        var occupancy = ModeOccupancy.Compute(ring, samples);
        double se = Math.Sqrt(1.0 / 8 * 7 / 8 / 16_000);
        Assert.All(occupancy, e => Assert.True(Math.Abs(e.Value - 0.125) <= 4 * se, $"occupancy {e} is beyond 4 SE of 1/8"));
    }

    [Fact]
    public void Invalid_labels_are_rejected()
    {
        using var labels = tensor(new long[] { 0, 3 });
        Assert.Throws<ArgumentOutOfRangeException>(() => ModeOccupancy.Compute(labels, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => ModeOccupancy.Compute(labels, 0));
        using var matrix = zeros(2, 2, dtype: ScalarType.Int64);
        Assert.Throws<ArgumentException>(() => ModeOccupancy.Compute(matrix, 3));
    }
}
