using ScoreScope.Numerics;

namespace ScoreScope.Tests.Numerics;

public sealed class Xoshiro256RandomTests
{
    [Fact]
    public void Bulk_and_single_draws_read_one_deterministic_stream()
    {
        var a = new Xoshiro256Random(42);
        var b = new Xoshiro256Random(42);
        var bulk = new double[1000];
        a.NextDoubles(bulk.AsSpan(0, 3));
        a.NextDoubles(bulk.AsSpan(3, 600));
        a.NextDoubles(bulk.AsSpan(603));
        for (int i = 0; i < bulk.Length; i++) Assert.Equal(bulk[i], b.NextDouble());
        Assert.NotEqual(bulk[0], new Xoshiro256Random(43).NextDouble());
    }

    const ulong UniformSeed = 7, NormalSeed = 11;

    [Fact]
    [Trait("Category", "Statistical")]
    public void Uniform_draws_have_the_moments_of_the_unit_interval()
    {
        var random = new Xoshiro256Random(UniformSeed);
        const int n = 1_000_000;
        var u = new double[n];
        random.NextDoubles(u);
        Assert.Equal(1_000_000, u.Length);
        Assert.All(u, v => Assert.True(v >= 0 && v < 1));
        double mean = u.Average(), variance = u.Select(v => (v - mean) * (v - mean)).Average();
        double lag = Enumerable.Range(0, n - 1).Select(i => (u[i] - 0.5) * (u[i + 1] - 0.5)).Average();
        Assert.True(Math.Abs(mean - 0.5) < 4 * Math.Sqrt(1.0 / 12 / n), $"mean {mean}: tolerance 4 SE, SE = √(1/12/n); seed {UniformSeed}, n = {n}");
        Assert.True(Math.Abs(variance - 1.0 / 12) < 4 * Math.Sqrt(1.0 / 180 / n), $"variance {variance}: tolerance 4 SE, SE = √(1/180/n); seed {UniformSeed}, n = {n}");
        Assert.True(Math.Abs(lag) < 4 / 12.0 / Math.Sqrt(n), $"lag-1 covariance {lag}: tolerance 4 SE, SE = (1/12)/√n; seed {UniformSeed}, n = {n}");
        // 16 bins, χ² with 15 degrees of freedom: below its 0.9999 quantile 46.6
        var counts = new int[16];
        foreach (double v in u) counts[(int)(v * 16)]++;
        double chi2 = counts.Sum(c => (c - n / 16.0) * (c - n / 16.0) / (n / 16.0));
        Assert.True(chi2 < 46.6, $"χ² = {chi2}: above the 0.9999 quantile of χ²(15); seed {UniformSeed}, n = {n}");
    }

    [Fact]
    [Trait("Category", "Statistical")]
    public void Normal_draws_from_it_are_standard_normal()
    {
        var random = new Xoshiro256Random(NormalSeed);
        const int n = 1_000_000;
        var z = new double[n];
        for (int offset = 0; offset < n; offset += 256) StandardNormalDraws.Fill(random, z.AsSpan(offset, Math.Min(256, n - offset)));
        Assert.Equal(1_000_000, z.Length);
        double mean = z.Average();
        double m2 = z.Select(v => v * v).Average(), m4 = z.Select(v => v * v * v * v).Average();
        Assert.True(Math.Abs(mean) < 4 / Math.Sqrt(n), $"mean {mean}: tolerance 4 SE, SE = 1/√n; seed {NormalSeed}, n = {n}");
        Assert.True(Math.Abs(m2 - 1) < 4 * Math.Sqrt(2.0 / n), $"E z² = {m2}: tolerance 4 SE, SE = √(2/n); seed {NormalSeed}, n = {n}");
        Assert.True(Math.Abs(m4 - 3) < 4 * Math.Sqrt(96.0 / n), $"E z⁴ = {m4}: tolerance 4 SE, SE = √(96/n); seed {NormalSeed}, n = {n}");
        Assert.True(Math.Abs(z.Count(v => v > 1.959963984540054) / (double)n - 0.025) < 4 * Math.Sqrt(0.025 * 0.975 / n),
            $"upper 2.5% tail: tolerance 4 SE, SE = √(0.025·0.975/n); seed {NormalSeed}, n = {n}");
    }

    [Fact]
    public void System_random_normal_streams_are_unchanged()
    {
        // the Xoshiro256Random path must not alter what a seeded System.Random produces: Box–Muller by hand, scalar
        var random = new Random(5);
        var z = new double[4];
        StandardNormalDraws.Fill(random, z);
        var reference = new Random(5);
        double u1 = 1 - reference.NextDouble(), u2 = reference.NextDouble(), u3 = 1 - reference.NextDouble(), u4 = reference.NextDouble();
        double r1 = Math.Sqrt(-2 * Math.Log(u1)), r2 = Math.Sqrt(-2 * Math.Log(u3));
        Assert.Equal(r1 * Math.Cos(2 * Math.PI * u2), z[0], 1e-14);
        Assert.Equal(r2 * Math.Cos(2 * Math.PI * u4), z[1], 1e-14);
        Assert.Equal(r1 * Math.Sin(2 * Math.PI * u2), z[2], 1e-14);
        Assert.Equal(r2 * Math.Sin(2 * Math.PI * u4), z[3], 1e-14);
    }
}
