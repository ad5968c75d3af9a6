using ScoreScope.Analysis;
using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Analysis;

public sealed class CentralMomentsTests
{
    const ulong Seed = 4401;

    static double[] Draw(Func<Generator, Tensor> draw, ulong stream)
    {
        using var g = Seeds.Generator(Seeds.Derive(Seed, stream));
        using var t = draw(g);
        return t.data<double>().ToArray();
    }

    [Fact]
    public void Streaming_in_chunks_equals_all_at_once()
    {
        var x = Draw(g => randn(100_003, dtype: ScalarType.Float64, generator: g).exp(), 1);
        var whole = new CentralMoments();
        whole.Add(x);
        var streamed = new CentralMoments();
        int[] sizes = [1, 7, 1000, 4096, 33];
        for (int i = 0, k = 0; i < x.Length; k++)
        {
            int take = Math.Min(sizes[k % sizes.Length], x.Length - i);
            streamed.Add(x.AsSpan(i, take));
            i += take;
        }
        Assert.Equal(whole.Count, streamed.Count);
        Assert.True(Math.Abs(whole.Mean - streamed.Mean) <= 1e-13 * Math.Abs(whole.Mean), $"mean {whole.Mean} vs {streamed.Mean}");
        for (int p = 2; p <= 8; p++)
        {
            double a = whole.CentralSum(p), b = streamed.CentralSum(p);
            Assert.True(Math.Abs(a - b) <= 1e-10 * Math.Abs(a), $"M_{p}: all at once {a}, streamed {b}");
        }
    }

    [Fact]
    public void Central_sums_match_a_direct_two_pass_computation_and_survive_a_large_offset()
    {
        // Shifting the data by 1e6 must not change the central sums beyond the rounding of the shifted data
        // itself (raw power sums would lose every digit of M_8 here).
        var x = Draw(g => randn(50_000, dtype: ScalarType.Float64, generator: g), 2);
        double mean = x.Average();
        var shifted = x.Select(v => v + 1e6).ToArray();
        var plain = new CentralMoments();
        var offset = new CentralMoments();
        for (int i = 0; i < x.Length; i += 999)
        {
            plain.Add(x.AsSpan(i, Math.Min(999, x.Length - i)));
            offset.Add(shifted.AsSpan(i, Math.Min(999, x.Length - i)));
        }
        for (int p = 2; p <= 8; p++)
        {
            double direct = x.Sum(v => Math.Pow(v - mean, p));
            double scale = x.Sum(v => Math.Pow(Math.Abs(v - mean), p));
            Assert.True(Math.Abs(plain.CentralSum(p) - direct) <= 1e-12 * scale, $"M_{p} = {plain.CentralSum(p)} vs direct {direct}");
            Assert.True(Math.Abs(offset.CentralSum(p) - direct) <= 1e-8 * scale, $"M_{p} with offset 1e6 = {offset.CentralSum(p)} vs {direct}");
        }
    }

    [Fact]
    public void Cumulants_follow_the_closed_form_moment_relations()
    {
        var x = Draw(g => rand(1000, dtype: ScalarType.Float64, generator: g).Power(3), 3);
        var c = new CentralMoments();
        c.Add(x);
        double m2 = c.CentralMoment(2), m3 = c.CentralMoment(3), m4 = c.CentralMoment(4), m5 = c.CentralMoment(5);
        double m6 = c.CentralMoment(6), m7 = c.CentralMoment(7), m8 = c.CentralMoment(8);
        double[] expected =
        [
            c.Mean, m2, m3, m4 - 3 * m2 * m2, m5 - 10 * m3 * m2,
            m6 - 15 * m4 * m2 - 10 * m3 * m3 + 30 * m2 * m2 * m2,
            m7 - 21 * m5 * m2 - 35 * m4 * m3 + 210 * m3 * m2 * m2,
            m8 - 28 * m6 * m2 - 56 * m5 * m3 - 35 * m4 * m4 + 420 * m4 * m2 * m2 + 560 * m3 * m3 * m2 - 630 * Math.Pow(m2, 4),
        ];
        var k = c.Cumulants();
        for (int n = 0; n < 8; n++)
            Assert.True(Math.Abs(k[n] - expected[n]) <= 1e-12 * Math.Max(1e-3, Math.Abs(expected[n])), $"κ_{n + 1} = {k[n]}, closed form {expected[n]}");
    }

    [Fact]
    public void K_statistics_are_unbiased_on_samples_of_ten()
    {
        // Exponential(1): κ_n = (n − 1)!, so (k1, k2, k3, k4) has expectation (1, 1, 2, 6) for every n ≥ 4
        // (Fisher 1930). 10⁵ repetitions of N = 10; the biased κ̂_4 from 1/n moments is visibly off.
        const int repetitions = 100_000, n = 10;
        var x = Draw(g => rand(repetitions * n, dtype: ScalarType.Float64, generator: g).log().neg(), 4);
        Assert.Equal(repetitions * n, x.Length);
        var sum = new double[4];
        var sum2 = new double[4];
        double biasedKappa4 = 0;
        for (int r = 0; r < repetitions; r++)
        {
            var c = new CentralMoments();
            c.Add(x.AsSpan(r * n, n));
            var k = c.KStatistics();
            for (int j = 0; j < 4; j++) { sum[j] += k[j]; sum2[j] += k[j] * k[j]; }
            biasedKappa4 += c.Cumulants(4)[3];
        }
        double[] truth = [1, 1, 2, 6];
        for (int j = 0; j < 4; j++)
        {
            double mean = sum[j] / repetitions;
            double se = Math.Sqrt((sum2[j] / repetitions - mean * mean) / (repetitions - 1));
            Assert.True(Math.Abs(mean - truth[j]) < 4 * se, $"E[k{j + 1}] ≈ {mean} ± {se}, truth {truth[j]} (4 SE)");
        }
        Assert.True(biasedKappa4 / repetitions < 3, $"biased κ̂_4 averages {biasedKappa4 / repetitions}; expected far below 6");
    }
}
