using System.Diagnostics;
using ScoreScope.Analysis;
using ScoreScope.Numerics;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Analysis;

public sealed class EnergyDistanceTestTests(ITestOutputHelper output)
{
    const ulong Seed = 31337;

    static Tensor Normal(long n, long d, ulong seed, double shift = 0)
    {
        using var generator = Seeds.Generator(seed);
        return randn([n, d], dtype: ScalarType.Float64, generator: generator).Add(shift);
    }

    [Fact]
    public void Statistic_is_the_V_statistic_of_Szekely_and_Rizzo()
    {
        using var scope = NewDisposeScope();
        var x = Normal(30, 3, 1);
        var y = Normal(40, 3, 2, shift: 0.5);
        static double MeanDistance(Tensor a, Tensor b) => (a.unsqueeze(1) - b.unsqueeze(0)).Square().sum(2).sqrt().mean().item<double>();
        double direct = 2 * MeanDistance(x, y) - MeanDistance(x, x) - MeanDistance(y, y);
        var result = EnergyDistanceTest.Run(x, y, Seed, permutations: 20);
        // torch.cdist computes large distance matrices through ‖a‖² + ‖b‖² − 2a·b, good to ~1e-9 here
        Assert.True(Math.Abs(result.Statistic - direct) < 1e-9 * Math.Max(1, direct), $"statistic {result.Statistic:R} differs from the direct V-statistic {direct:R}");
        Assert.Equal((30L, 40L, 20), (result.CountX, result.CountY, result.Permutations));
    }

    [Fact]
    public void Test_is_deterministic_given_the_seed()
    {
        using var scope = NewDisposeScope();
        var x = Normal(3000, 2, 3);
        var y = Normal(2500, 2, 4);
        var a = EnergyDistanceTest.Run(x, y, Seed, permutations: 50);
        var b = EnergyDistanceTest.Run(x, y, Seed, permutations: 50);
        Assert.Equal(a, b);
        Assert.Equal(2000L, a.CountX);
        Assert.Equal(2000L, a.CountY);
    }

    [Fact]
    [Trait("Category", "Statistical")]
    public void P_values_are_roughly_uniform_for_samples_of_one_law()
    {
        // 40 independent null tests, n = m = 100, 99 permutations: the p-values are (nearly) uniform on (0, 1], so
        // their mean is 0.5 ± 4·0.289/√40 and at most 2 + 4·√(40·0.05·0.95) ≈ 7.5 of them fall at or below 0.05.
        using var scope = NewDisposeScope();
        const int Tests = 40;
        var p = Enumerable.Range(0, Tests).Select(k =>
            EnergyDistanceTest.Run(Normal(100, 2, Seeds.Derive(Seed, (ulong)(2 * k))), Normal(100, 2, Seeds.Derive(Seed, (ulong)(2 * k + 1))),
                Seeds.Derive(Seed, (ulong)k), permutations: 99).PValue).ToArray();
        double mean = p.Average();
        int small = p.Count(v => v <= 0.05);
        output.WriteLine($"mean p = {mean:F3}, {small} of {Tests} at or below 0.05");
        Assert.True(Math.Abs(mean - 0.5) <= 4 * Math.Sqrt(1.0 / 12 / Tests), $"mean p-value {mean:F3} is more than 4 SE from 0.5");
        Assert.True(small <= 7, $"{small} of {Tests} null p-values ≤ 0.05 (expected 2 ± 1.4)");
    }

    [Fact]
    [Trait("Category", "Statistical")]
    public void Test_rejects_a_shifted_law_and_runs_fast_on_two_times_twenty_thousand_points()
    {
        // 2·10⁴ vs 2·10⁴ 2-D points, subsampled to 2000 each; a shift of 0.25 sd in one coordinate gives a
        // mean-difference z of 0.25/√(2/2000) ≈ 7.9, far beyond the 1% level.
        using var scope = NewDisposeScope();
        var x = Normal(20_000, 2, 5);
        var y = Normal(20_000, 2, 6).Add(tensor(new[] { 0.25, 0.0 }, dtype: ScalarType.Float64));
        var watch = Stopwatch.StartNew();
        var result = EnergyDistanceTest.Run(x, y, Seed, permutations: 500);
        output.WriteLine($"E = {result.Statistic:E3}, p = {result.PValue:F4}, {watch.Elapsed.TotalSeconds:F2} s for 500 permutations");
        Assert.True(result.PValue <= 0.01, $"a 0.25 sd shift is not rejected: p = {result.PValue}");
        Assert.Equal(1.0 / 501, result.PValue, 12);
    }

    [Fact]
    public void Invalid_arguments_are_rejected()
    {
        using var scope = NewDisposeScope();
        var x = Normal(10, 2, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => EnergyDistanceTest.Run(x, x, Seed, permutations: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => EnergyDistanceTest.Run(x, x, Seed, maxSamplesPerSet: 1));
        Assert.Throws<ArgumentException>(() => EnergyDistanceTest.Run(x, Normal(10, 3, 2), Seed));
    }
}
