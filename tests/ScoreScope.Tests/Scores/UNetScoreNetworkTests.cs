using ScoreScope.Numerics;
using ScoreScope.Scores;
using TorchSharp;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Scores;

public sealed class UNetScoreNetworkTests
{
    const ulong Seed = 11;

    static UNetScoreNetwork Network(bool circular, int[] multipliers)
    {
        using var generator = Seeds.Generator(Seed);
        var network = new UNetScoreNetwork([2, 8, 8], new UNetOptions(BaseChannels: 8, ChannelMultipliers: multipliers, Groups: 4,
            CircularPadding: circular, EmbeddingDimension: 16), generator);
        // The output convolution starts at zero; randomise every weight so the map is non-trivial.
        using var weights = Seeds.Generator(Seed + 1);
        using var _ = no_grad();
        foreach (var p in network.parameters()) p.copy_(randn(p.shape, generator: weights).Multiply(0.3));
        return network;
    }

    [Fact]
    public void Output_has_the_input_shape()
    {
        using var scope = NewDisposeScope();
        using var network = Network(circular: false, [1, 2, 2]);
        using var generator = Seeds.Generator(Seed);
        var x = randn(new long[] { 3, 2, 8, 8 }, generator: generator);
        var y = network.forward(x, tensor(new float[] { -1f, 0f, 1f }));
        Assert.Equal(new long[] { 3, 2, 8, 8 }, y.shape);
        Assert.True(y.abs().sum().item<float>() > 0, "The randomised network should not output zeros.");
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(0, 2)]
    [InlineData(2, 6)]
    public void Circular_padding_makes_the_network_equivariant_under_periodic_shifts_by_multiples_of_the_pooling_factor(int shiftRows, int shiftColumns)
    {
        // Two levels → one 2×2 pooling, so shifts by multiples of 2 commute with the network.
        using var scope = NewDisposeScope();
        using var network = Network(circular: true, [1, 2]);
        using var generator = Seeds.Generator(Seed);
        var x = randn(new long[] { 2, 2, 8, 8 }, generator: generator);
        var c = tensor(new float[] { 0.3f, -0.7f });
        long[] shifts = [2L * shiftRows, shiftColumns];
        using var _ = no_grad();
        var shiftedOutput = network.forward(x.roll(shifts, new long[] { 2, 3 }), c);
        var outputShifted = network.forward(x, c).roll(shifts, new long[] { 2, 3 });
        double scale = outputShifted.abs().max().item<float>();
        Assert.True((shiftedOutput - outputShifted).abs().max().item<float>() <= 1e-5 * scale,
            "f(shift x) should equal shift f(x) with circular padding.");
    }

    [Fact]
    public void Zero_padding_breaks_the_periodic_equivariance()
    {
        using var scope = NewDisposeScope();
        using var network = Network(circular: false, [1, 2]);
        using var generator = Seeds.Generator(Seed);
        var x = randn(new long[] { 1, 2, 8, 8 }, generator: generator);
        var c = tensor(new float[] { 0.3f });
        using var _ = no_grad();
        var difference = (network.forward(x.roll(new long[] { 2 }, new long[] { 3 }), c) - network.forward(x, c).roll(new long[] { 2 }, new long[] { 3 })).abs().max().item<float>();
        Assert.True(difference > 1e-3, "Zero padding sees the boundary, so the shift should change the output.");
    }

    [Fact]
    public void Sizes_not_divisible_by_the_pooling_factor_are_rejected()
    {
        using var generator = Seeds.Generator(Seed);
        var e = Assert.Throws<ArgumentException>(() => new UNetScoreNetwork([1, 6, 6], new UNetOptions(ChannelMultipliers: [1, 2, 2]), generator));
        Assert.Contains("divisible by 2^(levels − 1) = 4", e.Message);
    }
}
