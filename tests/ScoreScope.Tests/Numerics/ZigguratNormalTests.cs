using ScoreScope.Numerics;

namespace ScoreScope.Tests.Numerics;

public sealed class ZigguratNormalTests
{
    static double Density(double x) => Math.Exp(-0.5 * x * x);

    [Fact]
    public void Strips_have_equal_area_and_the_construction_closes_at_the_mode()
    {
        var x = ZigguratNormal.StripEdges();
        double v = ZigguratNormal.StripArea;
        Assert.Equal(257, x.Length);
        Assert.Equal(ZigguratNormal.TailStart, x[1]);
        Assert.Equal(0, x[256]);
        for (int i = 0; i < 256; i++) Assert.True(x[i] > x[i + 1], $"edges not decreasing at {i}: {x[i]} ≤ {x[i + 1]}");
        // base strip: rectangle x₀·f(r) = r f(r) + tail = v; strips 1…255: xᵢ (f(xᵢ₊₁) − f(xᵢ)) = v, the top one reaching f(0) = 1
        Assert.Equal(v, x[0] * Density(x[1]), 1e-15);
        for (int i = 1; i < 256; i++)
        {
            double area = x[i] * (Density(x[i + 1]) - Density(x[i]));
            Assert.True(Math.Abs(area - v) < 1e-12 * v, $"strip {i}: area {area}, v = {v}");
        }
        // Marsaglia & Tsang's published v for 256 strips
        Assert.Equal(0.00492867323399, v, 5e-14);
    }

    [Theory]
    [InlineData(256)]
    [InlineData(7)]
    [InlineData(3)]
    public void Accepted_fast_path_draws_follow_the_documented_bit_layout_in_the_vector_and_scalar_loops(int length)
    {
        // the same words as Fill draws for one chunk: strip i = bits 56…63, u = 2.m − 3 with m = bits 4…55, x = u·xᵢ,
        // accepted when |x| < xᵢ₊₁ (lengths 256 and 7 use the 4-wide loop, 3 and the tail of 7 the scalar one)
        var edges = ZigguratNormal.StripEdges();
        for (ulong seed = 1; seed <= 50; seed++)
        {
            var words = new ulong[length];
            new Xoshiro256Random(seed).NextUInt64s(words);
            var values = new double[length];
            ZigguratNormal.Fill(new Xoshiro256Random(seed), values);
            for (int k = 0; k < length; k++)
            {
                int strip = (int)(words[k] >> 56);
                double u = BitConverter.UInt64BitsToDouble(((words[k] >> 4) & ((1UL << 52) - 1)) | 0x4000000000000000UL) - 3.0;
                double x = u * edges[strip];
                if (Math.Abs(x) < edges[strip + 1]) Assert.Equal(BitConverter.DoubleToInt64Bits(x), BitConverter.DoubleToInt64Bits(values[k]));
                else Assert.True(double.IsFinite(values[k]), $"seed {seed}, draw {k}: {values[k]}");
            }
        }
    }

    [Fact]
    public void Streams_are_deterministic_functions_of_the_seed()
    {
        var a = new double[1000];
        var b = new double[1000];
        ZigguratNormal.Fill(new Xoshiro256Random(3), a);
        ZigguratNormal.Fill(new Xoshiro256Random(3), b);
        Assert.Equal(a, b);
        var c = new double[1000];
        ZigguratNormal.Fill(new Xoshiro256Random(4), c);
        Assert.NotEqual(a, c);
    }

    const ulong MomentSeed = 20261205, ShapeSeed = 20261206;

    [Fact]
    [Trait("Category", "Statistical")]
    public void Draws_have_the_standard_normal_moments_and_tail()
    {
        var random = new Xoshiro256Random(MomentSeed);
        const int n = 4_000_000;
        var z = new double[n];
        for (int offset = 0; offset < n; offset += 512) ZigguratNormal.Fill(random, z.AsSpan(offset, Math.Min(512, n - offset)));
        Assert.Equal(4_000_000, z.Length);
        double mean = z.Average(), m2 = z.Select(v => v * v).Average(), m3 = z.Select(v => v * v * v).Average();
        double m4 = z.Select(v => v * v * v * v).Average();
        Assert.True(Math.Abs(mean) < 4 / Math.Sqrt(n), $"mean {mean}: tolerance 4 SE, SE = 1/√n; seed {MomentSeed}, n = {n}");
        Assert.True(Math.Abs(m2 - 1) < 4 * Math.Sqrt(2.0 / n), $"E z² = {m2}: tolerance 4 SE, SE = √(2/n); seed {MomentSeed}, n = {n}");
        Assert.True(Math.Abs(m3) < 4 * Math.Sqrt(15.0 / n), $"E z³ = {m3}: tolerance 4 SE, SE = √(15/n); seed {MomentSeed}, n = {n}");
        Assert.True(Math.Abs(m4 - 3) < 4 * Math.Sqrt(96.0 / n), $"E z⁴ = {m4}: tolerance 4 SE, SE = √(96/n); seed {MomentSeed}, n = {n}");
        // the tail beyond r comes only from Marsaglia's tail method: P(|Z| > r) = erfc(r/√2) = 2.58e-4
        double p = MathNet.Numerics.SpecialFunctions.Erfc(ZigguratNormal.TailStart / Math.Sqrt(2));
        double tail = z.Count(v => Math.Abs(v) > ZigguratNormal.TailStart) / (double)n;
        Assert.True(Math.Abs(tail - p) < 4 * Math.Sqrt(p * (1 - p) / n), $"P(|z| > r) = {tail} vs {p}: tolerance 4 SE, SE = √(p(1−p)/n); seed {MomentSeed}, n = {n}");
        double far = z.Count(v => Math.Abs(v) > 4.5) / (double)n, pFar = MathNet.Numerics.SpecialFunctions.Erfc(4.5 / Math.Sqrt(2));
        Assert.True(Math.Abs(far - pFar) < 4 * Math.Sqrt(pFar / n), $"P(|z| > 4.5) = {far} vs {pFar}: tolerance 4 SE, SE = √(p/n); seed {MomentSeed}, n = {n}");
    }

    [Fact]
    [Trait("Category", "Statistical")]
    public void Draws_fill_equiprobable_normal_bins_and_the_strip_wedges_evenly()
    {
        // 200 equiprobable bins under N(0, 1) (edges Φ⁻¹(j/200)): χ² with 199 degrees of freedom, below its 0.9999
        // quantile; a wrong wedge test or strip table would bias the bins near the strip edges
        var random = new Xoshiro256Random(ShapeSeed);
        const int n = 4_000_000, bins = 200;
        var z = new double[n];
        ZigguratNormal.Fill(random, z);
        Assert.Equal(4_000_000, z.Length);
        var counts = new long[bins];
        foreach (double v in z)
        {
            double phi = 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(-v / Math.Sqrt(2));
            counts[Math.Min(bins - 1, (int)(phi * bins))]++;
        }
        double expected = (double)n / bins;
        double chi2 = counts.Sum(c => (c - expected) * (c - expected) / expected);
        double quantile = MathNet.Numerics.Distributions.ChiSquared.InvCDF(bins - 1, 0.9999);
        Assert.True(chi2 < quantile, $"χ² = {chi2}: above the 0.9999 quantile {quantile} of χ²(199); seed {ShapeSeed}, n = {n}");
    }
}
