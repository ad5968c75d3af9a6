using ScoreScope.Analysis;
using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Analysis;

public sealed class SampleCumulantsTests
{
    const ulong Seed = 20241028;
    const long N = 1_000_000;

    static Tensor Draw(Func<Generator, Tensor> draw, string purpose)
    {
        using var g = Seeds.Generator(Seeds.Derive(Seed, purpose));
        return draw(g);
    }

    static void AssertCumulants(CumulantSummary s, Func<int, double> truth, int from, int to, string law)
    {
        Assert.Equal(N, s.Count);
        for (int n = from; n <= to; n++)
        {
            var k = s.Kappa(n);
            Assert.True(Math.Abs(k.Value - truth(n)) < 4 * k.StandardError,
                $"{law}: κ_{n} = {k.Value} ± {k.StandardError} (bootstrap {k.BootstrapError}), truth {truth(n)} (4 SE; {s.BlockCount} blocks of {s.BlockSize})");
        }
    }

    [Fact]
    public void Poisson_cumulants_all_equal_the_rate()
    {
        using var x = Draw(g => poisson(ScalarArithmetic.Full([N], 3.0, ScalarType.Float64), g), "poisson");
        AssertCumulants(SampleCumulants.Site(x), _ => 3.0, 1, 6, "Poisson(3)");
    }

    [Fact]
    public void Exponential_cumulants_are_factorials()
    {
        using var x = Draw(g => rand(N, dtype: ScalarType.Float64, generator: g).log().neg(), "exponential");
        AssertCumulants(SampleCumulants.Site(x), n => Enumerable.Range(1, n - 1).Aggregate(1.0, (p, i) => p * i), 1, 6, "Exponential(1)");
    }

    [Fact]
    public void Gaussian_higher_cumulants_vanish_and_the_three_error_estimates_agree()
    {
        using var x = Draw(g => randn(N, 1, dtype: ScalarType.Float64, generator: g), "gaussian");
        var s = SampleCumulants.Site(x);
        AssertCumulants(s, n => n == 2 ? 1.0 : 0.0, 1, 6, "N(0, 1)");
        // For Gaussian data sd(κ̂_n) → sqrt(n!/N) (Kendall & Stuart §12.16). The jackknife SE from B blocks has
        // relative sd ≈ 1/sqrt(2(B−1)); the bootstrap adds 1/sqrt(2R): tolerance 4 of those.
        int b = s.BlockCount, r = s.BootstrapReplicates;
        double tolJack = 4 / Math.Sqrt(2.0 * (b - 1));
        double tolBoot = 4 * Math.Sqrt(1 / (2.0 * (b - 1)) + 1 / (2.0 * r));
        for (int n = 2; n <= 4; n++)
        {
            double analytic = Math.Sqrt(Enumerable.Range(1, n).Aggregate(1.0, (p, i) => p * i) / N);
            var k = s.Kappa(n);
            Assert.True(Math.Abs(k.JackknifeError / analytic - 1) < tolJack, $"κ_{n}: jackknife SE {k.JackknifeError} vs analytic {analytic} (tolerance {tolJack:P0}, 4 SE, {b} blocks)");
            Assert.True(Math.Abs(k.BootstrapError / analytic - 1) < tolBoot, $"κ_{n}: bootstrap SE {k.BootstrapError} vs analytic {analytic} (tolerance {tolBoot:P0}, 4 SE, {r} replicates)");
        }
        Assert.InRange(s.BlockCount, 100, 199);
    }

    [Fact]
    public void Per_coordinate_site_and_mean_observables_agree_with_their_definitions()
    {
        // Independent coordinates N(0, 1), Exp(1) − 1 and their pooled/mean combinations.
        using var scope = NewDisposeScope();
        const long rows = 200_000;
        var x = Draw(g => cat([randn(rows, 1, dtype: ScalarType.Float64, generator: g), rand(rows, 1, dtype: ScalarType.Float64, generator: g).log().neg().Subtract(1)], 1), "observables");
        var options = new CumulantOptions(ChunkRows: 10_000);
        var per = SampleCumulants.PerCoordinate(x, options, 4);
        var c1 = SampleCumulants.Coordinate(x, 1, options, 4);
        Assert.Equal(per[1].Kappa(3).Value, c1.Kappa(3).Value, 10);
        var k3 = per[1].Kappa(3);
        Assert.True(Math.Abs(k3.Value - 2) < 4 * k3.StandardError, $"coordinate 1: κ_3 = {k3} vs 2 (4 SE)");
        // Mean of the two: κ_n(M) = 2^{−n}(κ_n(x₀) + κ_n(x₁)), so κ_3 = 2/8 and κ_2 = 2/4.
        var m = SampleCumulants.Mean(x, options, 4);
        Assert.True(Math.Abs(m.Kappa(3).Value - 0.25) < 4 * m.Kappa(3).StandardError, $"mean: κ_3 = {m.Kappa(3)} vs 0.25 (4 SE)");
        Assert.True(Math.Abs(m.Kappa(2).Value - 0.5) < 4 * m.Kappa(2).StandardError, $"mean: κ_2 = {m.Kappa(2)} vs 0.5 (4 SE)");
        // Pooled sites: a ½–½ mixture of the two laws with equal means 0: κ_2 = 1, κ_3 = 1.
        var site = SampleCumulants.Site(x, options, 4);
        Assert.Equal(2 * rows, site.Count);
        Assert.True(Math.Abs(site.Kappa(3).Value - 1) < 4 * site.Kappa(3).StandardError, $"site: κ_3 = {site.Kappa(3)} vs 1 (4 SE)");
    }
}
