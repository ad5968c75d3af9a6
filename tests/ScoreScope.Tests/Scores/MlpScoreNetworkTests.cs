using ScoreScope.Numerics;
using ScoreScope.Scores;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Scores;

public sealed class MlpScoreNetworkTests
{
    [Fact]
    public void Output_has_the_input_shape_and_starts_at_zero()
    {
        using var scope = NewDisposeScope();
        using var generator = Seeds.Generator(3);
        using var network = new MlpScoreNetwork([2, 3], new MlpOptions(Width: 16, Depth: 2, EmbeddingDimension: 8), generator);
        var x = randn(new long[] { 5, 2, 3 }, generator: generator);
        var y = network.forward(x, zeros(5));
        Assert.Equal(new long[] { 5, 2, 3 }, y.shape);
        Assert.Equal(0f, y.abs().max().item<float>());
    }

    [Fact]
    public void Same_seed_gives_the_same_weights_and_the_fourier_frequencies_are_a_saved_buffer()
    {
        using var g1 = Seeds.Generator(5);
        using var g2 = Seeds.Generator(5);
        var options = new MlpOptions(Width: 8, Depth: 1, EmbeddingDimension: 8, Embedding: TimeEmbeddingKind.GaussianFourier, EmbeddingScale: 4);
        using var first = new MlpScoreNetwork([2], options, g1);
        using var second = new MlpScoreNetwork([2], options, g2);
        var a = first.state_dict();
        var b = second.state_dict();
        Assert.Contains(a.Keys, k => k.EndsWith("frequencies", StringComparison.Ordinal));
        foreach (var key in a.Keys) Assert.True(a[key].equal(b[key]).all().item<bool>(), $"{key} differs between equally seeded networks.");
    }

    [Fact]
    public void A_batch_of_the_wrong_event_shape_is_rejected_with_both_shapes()
    {
        using var generator = Seeds.Generator(3);
        using var network = new MlpScoreNetwork([2], new MlpOptions(Width: 8, Depth: 1, EmbeddingDimension: 8), generator);
        using var x = zeros(4, 3);
        using var c = zeros(4);
        var e = Assert.Throws<ArgumentException>(() => network.forward(x, c));
        Assert.Contains("[B, 2]", e.Message);
        Assert.Contains("[4, 3]", e.Message);
    }
}
