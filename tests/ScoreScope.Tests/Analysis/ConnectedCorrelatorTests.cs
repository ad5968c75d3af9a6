using ScoreScope.Analysis;
using ScoreScope.Data;
using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Analysis;

public sealed class ConnectedCorrelatorTests
{
    const ulong Seed = 777;

    [Fact]
    public void Mixed_cumulants_of_a_product_toy_model_with_a_shared_shift()
    {
        // x_i = y_i + c·w with y ~ double peak (independent, κ_4 = −2) and a shared w ~ N(0, 1), c = 0.5:
        // κ(0,1) = c², κ(0,0) = 1.0625 + c², κ(0,0,0,0) = −2, κ(0,0,1,1) = 0, κ(0,1,2) = 0, κ(2) = 3 (shifted mean).
        const long n = 400_000;
        using var scope = NewDisposeScope();
        using var g = Seeds.Generator(Seed);
        var y = new DoublePeakDistribution(dimension: 3).Sample(n, g);
        var x = y.Add(randn(n, 1, dtype: ScalarType.Float64, generator: g).Multiply(0.5)).Add(tensor(new[] { 0.0, 0.0, 3.0 }));
        var c = new ConnectedCorrelator([[0, 1], [0, 0], [0, 0, 0, 0], [0, 0, 1, 1], [0, 1, 2], [2]], new CumulantOptions(BootstrapReplicates: 50));
        for (long s = 0; s < n; s += 65_536) c.Add(x.narrow(0, s, Math.Min(65_536, n - s)));
        var e = c.Estimate();
        double[] truth = [0.25, 1.3125, -2, 0, 0, 3];
        for (int k = 0; k < truth.Length; k++)
            Assert.True(Math.Abs(e[k].Value - truth[k]) < 4 * e[k].StandardError, $"tuple {k}: {e[k]} (bootstrap {e[k].BootstrapError}) vs {truth[k]} (4 SE; {c.BlockCount} blocks of {c.BlockSize})");
    }

    [Fact]
    public void Lattice_two_point_function_of_noise_plus_a_global_mode()
    {
        // φ(x) = η(x) + c·w on a periodic 6×6 lattice: G(r) = δ_{r0} + c², c = 0.8.
        const long n = 40_000;
        using var scope = NewDisposeScope();
        using var g = Seeds.Generator(Seeds.Derive(Seed, "lattice"));
        var phi = randn([n, 6, 6], dtype: ScalarType.Float64, generator: g).Add(randn([n, 1, 1], dtype: ScalarType.Float64, generator: g).Multiply(0.8)).Add(1.5);
        var g2 = new LatticeTwoPointFunction([6, 6], new CumulantOptions(MinimumBlockSize: 128));
        g2.Add(phi);
        var full = g2.Estimate();
        Assert.Equal(36, full.Length);
        for (int r = 0; r < 36; r++)
        {
            double truth = (r == 0 ? 1 : 0) + 0.64;
            Assert.True(Math.Abs(full[r].Value - truth) < 4 * full[r].StandardError, $"G(r = {r / 6},{r % 6}) = {full[r]} vs {truth} (4 SE)");
        }
        var axes = g2.EstimateAlongAxes();
        Assert.Equal(4, axes.Length);
        Assert.True(Math.Abs(axes[3].Value - 0.64) < 4 * axes[3].StandardError, $"G(3) = {axes[3]} vs 0.64 (4 SE)");
    }
}
