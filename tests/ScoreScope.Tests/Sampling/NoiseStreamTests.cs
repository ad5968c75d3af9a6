using ScoreScope.Sampling;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Sampling;

public sealed class NoiseStreamTests
{
    const ulong Seed = 99;

    static Tensor Draws(long first, long count, int draws, int blockSize = 16)
    {
        var stream = new NoiseStream(Seed, first, [count, 3], blockSize: blockSize);
        return stack(Enumerable.Range(0, draws).Select(_ => stream.Next()).ToArray());
    }

    [Fact]
    public void Sample_noise_does_not_depend_on_how_samples_are_batched()
    {
        using var scope = NewDisposeScope();
        var whole = Draws(0, 100, 3);
        var pieces = cat([Draws(0, 7, 3), Draws(7, 50, 3), Draws(57, 43, 3)], 1);
        Assert.True(SamplingFixtures.Identical(whole, pieces), "noise of samples 0..99 differs between one batch and three batches");
    }

    [Fact]
    public void Draws_are_distinct_and_standard_normal()
    {
        using var scope = NewDisposeScope();
        var draws = Draws(0, 4000, 2, blockSize: 256);
        Assert.False(SamplingFixtures.Identical(draws[0], draws[1]), "two draws of one stream are equal");
        // 24000 N(0,1) numbers per draw: mean within 4/√n, variance within 4·√(2/n)
        long n = draws[0].numel();
        double mean = draws[0].mean().item<double>(), variance = draws[0].var().item<double>();
        Assert.True(Math.Abs(mean) < 4 / Math.Sqrt(n), $"mean {mean} exceeds 4 SE (n = {n})");
        Assert.True(Math.Abs(variance - 1) < 4 * Math.Sqrt(2.0 / n), $"variance {variance} exceeds 4 SE from 1 (n = {n})");
        Assert.Equal(ScalarType.Float64, draws.dtype);
    }

    [Fact]
    public void Different_seeds_give_different_noise()
    {
        using var scope = NewDisposeScope();
        var a = new NoiseStream(1, 0, [10, 2]).Next();
        var b = new NoiseStream(2, 0, [10, 2]).Next();
        Assert.False(SamplingFixtures.Identical(a, b));
        Assert.True(SamplingFixtures.Identical(a, new NoiseStream(1, 0, [10, 2]).Next()));
    }

    [Fact]
    public void Invalid_arguments_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new NoiseStream(1, -1, [10, 2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NoiseStream(1, 0, [0, 2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NoiseStream(1, 0, [10, 2], blockSize: 0));
    }
}
