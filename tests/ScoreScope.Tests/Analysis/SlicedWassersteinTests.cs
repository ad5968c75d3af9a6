using ScoreScope.Analysis;
using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Analysis;

public sealed class SlicedWassersteinTests
{
    const ulong Seed = 5150;

    [Fact]
    public void Directions_in_chunks_give_the_one_batch_estimate()
    {
        // Memory stays O(L · chunk): 128 directions over 1000 quantile levels in chunks of 1, 7 and 128 directions.
        using var scope = NewDisposeScope();
        using var generator = Seeds.Generator(Seed);
        var x = randn([1000, 3], dtype: ScalarType.Float64, generator: generator);
        var y = randn([700, 3], dtype: ScalarType.Float64, generator: generator).Multiply(1.3);
        var batch = SlicedWasserstein.Compute(x, y, Seed, 128, maxProjectedValues: 1000 * 128);
        foreach (long bound in new long[] { 1000, 7000 })
        {
            var chunked = SlicedWasserstein.Compute(x, y, Seed, 128, bound);
            Assert.Equal(batch.Value, chunked.Value, 14);
            Assert.Equal(batch.StandardError, chunked.StandardError, 14);
        }
    }

    [Fact]
    public void Identical_sets_are_at_distance_zero()
    {
        using var scope = NewDisposeScope();
        using var generator = Seeds.Generator(Seed);
        var x = randn([500, 3], dtype: ScalarType.Float64, generator: generator);
        var result = SlicedWasserstein.Compute(x, x.flip(0), Seed);
        Assert.Equal(0.0, result.Value, 12);
        Assert.Equal(128L, result.Count);
    }

    [Fact]
    public void A_translated_copy_is_at_distance_norm_over_root_dimension()
    {
        // Translating by δ shifts every projection by θ·δ, so W₂²(θ) = (θ·δ)² exactly and E_θ(θ·δ)² = |δ|²/D:
        // SW₂ = |δ|/√D up to the Monte-Carlo error over directions, which the estimate reports (4 SE).
        using var scope = NewDisposeScope();
        using var generator = Seeds.Generator(Seed);
        var x = randn([300, 4], dtype: ScalarType.Float64, generator: generator);
        var delta = tensor(new[] { 1.0, -2.0, 0.5, 2.0 }, dtype: ScalarType.Float64);
        var result = SlicedWasserstein.Compute(x, x.Add(delta), Seed, directions: 2000);
        double expected = Math.Sqrt(1 + 4 + 0.25 + 4) / 2;
        Assert.True(Math.Abs(result.Value - expected) <= 4 * result.StandardError, $"SW₂ = {result} but |δ|/√D = {expected:G6}");
        Assert.True(result.StandardError < 0.05 * expected, $"SE {result.StandardError} is implausibly large");
    }

    [Fact]
    public void Unequal_sizes_use_interpolated_quantiles()
    {
        // 1-D: {0, 1} against {0, 0, 1, 1}: quantiles at (k + ½)/4 are 0, ¼, ¾, 1 for the first set (interpolated)
        // and 0, 0, 1, 1 for the second, so W₂² = (0 + 1/16 + 1/16 + 0)/4 = 1/32 in every direction (θ = ±1).
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 0.0, 1.0 }, dtype: ScalarType.Float64).reshape(2, 1);
        var y = tensor(new[] { 1.0, 0.0, 1.0, 0.0 }, dtype: ScalarType.Float64).reshape(4, 1);
        Assert.Equal(Math.Sqrt(1.0 / 32), SlicedWasserstein.Compute(x, y, Seed, directions: 4).Value, 12);
        // {0, 1} against {0, ½, 1}: the interpolated quantiles at 1/6, 1/2, 5/6 coincide, W₂ = 0
        var z = tensor(new[] { 0.5, 1.0, 0.0 }, dtype: ScalarType.Float64).reshape(3, 1);
        Assert.Equal(0.0, SlicedWasserstein.Compute(x, z, Seed, directions: 4).Value, 12);
    }

    [Fact]
    public void Estimate_is_deterministic_given_the_seed()
    {
        using var scope = NewDisposeScope();
        using var generator = Seeds.Generator(Seed);
        var x = randn([400, 2], dtype: ScalarType.Float64, generator: generator);
        var y = randn([300, 2], dtype: ScalarType.Float64, generator: generator).Multiply(1.5);
        Assert.Equal(SlicedWasserstein.Compute(x, y, 1), SlicedWasserstein.Compute(x, y, 1));
        Assert.NotEqual(SlicedWasserstein.Compute(x, y, 1).Value, SlicedWasserstein.Compute(x, y, 2).Value);
        Assert.Throws<ArgumentOutOfRangeException>(() => SlicedWasserstein.Compute(x, y, 1, directions: 1));
        Assert.Throws<ArgumentException>(() => SlicedWasserstein.Compute(x, zeros(5, 3, dtype: ScalarType.Float64), 1));
    }
}
