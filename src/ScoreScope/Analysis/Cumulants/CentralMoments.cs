using System.Numerics;
using System.Runtime.InteropServices;

namespace ScoreScope.Analysis;

/// <summary>
/// A streaming accumulator of the count n, the mean and the central power sums M_p = Σ(x − x̄)^p, p = 2..8, of a
/// scalar series, in float64. Values are added in chunks: each chunk is reduced by a two-pass kernel (its own mean,
/// then SIMD power sums about it) and merged with the pairwise update of Pébay (2008, Sandia SAND2008-6212, Eq. 3.1;
/// Chan, Golub &amp; LeVeque 1979 for p = 2), which is the binomial shift of central sums to the pooled mean.
/// This is numerically stable for data with a large mean, unlike raw power sums.
/// </summary>
public sealed class CentralMoments
{
    /// <summary>The highest order of central sum kept (8).</summary>
    public const int MaxOrder = 8;

    // _sums[p] = Σ (x − mean)^p for p = 2..8; _sums[0] = n, _sums[1] = 0.
    readonly double[] _sums = new double[MaxOrder + 1];

    /// <summary>The number of values n.</summary>
    public long Count { get; private set; }

    /// <summary>The sample mean x̄ (0 when empty).</summary>
    public double Mean { get; private set; }

    /// <summary>The central sum M_p = Σ(x − x̄)^p for 0 ≤ p ≤ 8 (M_0 = n, M_1 = 0).</summary>
    /// <exception cref="ArgumentOutOfRangeException">For p outside 0..8.</exception>
    public double CentralSum(int p)
    {
        if (p < 0 || p > MaxOrder) throw new ArgumentOutOfRangeException(nameof(p), p, $"order must be in 0..{MaxOrder}.");
        return p == 0 ? Count : p == 1 ? 0 : _sums[p];
    }

    /// <summary>The (biased, 1/n) sample central moment m_p = M_p/n.</summary>
    public double CentralMoment(int p) => Count == 0 ? double.NaN : CentralSum(p) / Count;

    /// <summary>Adds one value (slow path; prefer <see cref="Add(ReadOnlySpan{double})"/>).</summary>
    public void Add(double value) => Add([value]);

    /// <summary>Adds a chunk of values (two-pass SIMD reduction, then the pairwise merge).</summary>
    public void Add(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty) return;
        Span<double> chunk = stackalloc double[MaxOrder + 1];
        double chunkMean = ChunkSums(values, chunk);
        Merge(values.Length, chunkMean, chunk, 1.0);
    }

    /// <summary>Merges <paramref name="other"/> into this accumulator (Pébay 2008, Eq. 3.1).</summary>
    public void Add(CentralMoments other) => Add(other, 1);

    /// <summary>Merges <paramref name="copies"/> copies of <paramref name="other"/> (used by the block bootstrap).</summary>
    /// <exception cref="ArgumentOutOfRangeException">For a negative number of copies.</exception>
    public void Add(CentralMoments other, int copies)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (copies < 0) throw new ArgumentOutOfRangeException(nameof(copies), copies, "copies must be ≥ 0.");
        if (copies == 0 || other.Count == 0) return;
        Merge(other.Count * copies, other.Mean, other._sums, copies);
    }

    /// <summary>A copy of this accumulator.</summary>
    public CentralMoments Clone()
    {
        var c = new CentralMoments { Count = Count, Mean = Mean };
        _sums.CopyTo(c._sums, 0);
        return c;
    }

    /// <summary>The pooled accumulator of <paramref name="a"/> and <paramref name="b"/> (neither is changed).</summary>
    public static CentralMoments Combine(CentralMoments a, CentralMoments b)
    {
        ArgumentNullException.ThrowIfNull(a);
        var c = a.Clone();
        c.Add(b);
        return c;
    }

    /// <summary>
    /// The sample cumulants κ̂_1..κ̂_order (index 0 holds κ̂_1) from the 1/n central moments by the exact
    /// moment–cumulant recursion κ_n = m_n − Σ_{j=2}^{n−2} C(n−1, j−1) κ_j m_{n−j} (Kendall &amp; Stuart, Vol. 1, §3.14).
    /// Consistent but biased at O(1/n); see <see cref="KStatistics"/> for unbiased k1..k4.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">For order outside 1..8.</exception>
    public double[] Cumulants(int order = MaxOrder)
    {
        if (order < 1 || order > MaxOrder) throw new ArgumentOutOfRangeException(nameof(order), order, $"order must be in 1..{MaxOrder}.");
        Span<double> m = stackalloc double[MaxOrder + 1];
        for (int p = 0; p <= order; p++) m[p] = CentralMoment(p);
        var k = CumulantRelations.CumulantsFromCentralMoments(m[..(order + 1)]);
        k[0] = Count == 0 ? double.NaN : Mean;
        return k;
    }

    /// <summary>
    /// Fisher's unbiased k-statistics k1..k4 (Fisher 1930, Proc. London Math. Soc. 30, 199; Kendall &amp; Stuart,
    /// Vol. 1, Eq. 12.13), written in central sums: k2 = M2/(n−1), k3 = n M3/((n−1)(n−2)),
    /// k4 = n[(n+1)M4 − 3(n−1)M2²/n]/((n−1)(n−2)(n−3)). E[k_r] = κ_r exactly; entries needing more values are NaN.
    /// </summary>
    public double[] KStatistics() => CumulantRelations.KStatistics(Count, Mean, _sums[2], _sums[3], _sums[4]);

    void Merge(long nB, double meanB, ReadOnlySpan<double> sumsB, double scaleB)
    {
        long nA = Count;
        if (nA == 0)
        {
            Count = nB;
            Mean = meanB;
            for (int p = 2; p <= MaxOrder; p++) _sums[p] = scaleB * sumsB[p];
            return;
        }
        double n = nA + nB;
        double delta = meanB - Mean;
        double shiftA = -nB * delta / n, shiftB = nA * delta / n;
        Span<double> a = stackalloc double[MaxOrder + 1];
        Span<double> b = stackalloc double[MaxOrder + 1];
        a[0] = nA; a[1] = 0; b[0] = nB; b[1] = 0;
        for (int p = 2; p <= MaxOrder; p++) { a[p] = _sums[p]; b[p] = scaleB * sumsB[p]; }
        Span<double> c = stackalloc double[MaxOrder + 1];
        for (int p = 2; p <= MaxOrder; p++)
        {
            // Σ_k C(p,k) M_k shift^{p−k}, evaluated by Horner in the shift.
            double sa = 0, sb = 0;
            double binom = 1;
            for (int k = 0; k <= p; k++) { c[k] = binom; binom = binom * (p - k) / (k + 1); }
            for (int k = 0; k <= p; k++) { sa = sa * shiftA + c[k] * a[k]; sb = sb * shiftB + c[k] * b[k]; }
            // Horner above runs k ascending with factor shift per step: term k gets shift^{p−k}.
            _sums[p] = sa + sb;
        }
        Count = nA + nB;
        Mean += delta * nB / n;
    }

    /// <summary>Two-pass chunk kernel: returns the chunk mean and writes M_0..M_8 about it into <paramref name="sums"/>.</summary>
    internal static double ChunkSums(ReadOnlySpan<double> x, Span<double> sums)
    {
        double mean = Sum(x) / x.Length;
        var v = Vector<double>.Count;
        var m = new Vector<double>(mean);
        Vector<double> s1 = default, s2 = default, s3 = default, s4 = default, s5 = default, s6 = default, s7 = default, s8 = default;
        var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
        foreach (var xi in vx)
        {
            var d = xi - m;
            var d2 = d * d;
            var d3 = d2 * d;
            var d4 = d2 * d2;
            s1 += d; s2 += d2; s3 += d3; s4 += d4;
            s5 += d4 * d; s6 += d4 * d2; s7 += d4 * d3; s8 += d4 * d4;
        }
        Span<double> r = stackalloc double[MaxOrder + 1];
        r[1] = Vector.Sum(s1); r[2] = Vector.Sum(s2); r[3] = Vector.Sum(s3); r[4] = Vector.Sum(s4);
        r[5] = Vector.Sum(s5); r[6] = Vector.Sum(s6); r[7] = Vector.Sum(s7); r[8] = Vector.Sum(s8);
        for (int i = vx.Length * v; i < x.Length; i++)
        {
            double d = x[i] - mean, p = d;
            for (int k = 1; k <= MaxOrder; k++) { r[k] += p; p *= d; }
        }
        // Fold in the rounding residual Σd: shift the sums from c = mean to the exact chunk mean c + Σd/n.
        double n = x.Length, shift = -r[1] / n;
        r[0] = n;
        for (int p = 2; p <= MaxOrder; p++)
        {
            double acc = 0, binom = 1;
            for (int k = 0; k <= p; k++) { acc = acc * shift + binom * r[k]; binom = binom * (p - k) / (k + 1); }
            sums[p] = acc;
        }
        sums[0] = n; sums[1] = 0;
        return mean + r[1] / n;
    }

    static double Sum(ReadOnlySpan<double> x)
    {
        var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
        Vector<double> s0 = default, s1 = default;
        int i = 0;
        for (; i + 1 < vx.Length; i += 2) { s0 += vx[i]; s1 += vx[i + 1]; }
        if (i < vx.Length) s0 += vx[i];
        double s = Vector.Sum(s0 + s1);
        for (int j = vx.Length * Vector<double>.Count; j < x.Length; j++) s += x[j];
        return s;
    }
}
