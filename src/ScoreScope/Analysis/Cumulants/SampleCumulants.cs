using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Analysis;

/// <summary>
/// Cumulants κ̂_1..κ̂_8 and k-statistics k1..k4 (Fisher 1930; Kendall &amp; Stuart Vol. 1, Ch. 12) of observables of
/// samples [N, …] (flattened to [N, D]), streamed in chunks of <see cref="CumulantOptions.ChunkRows"/> rows with
/// float64 accumulation, with blocked-jackknife and block-bootstrap errors (<see cref="BlockedCumulants"/>).
/// Observables: each coordinate, all coordinates pooled ("site" cumulants of a translation-invariant field, as in
/// Aarts et al. 2024, arXiv 2410.21212, §4), and any linear observable w·x (e.g. the mean = lattice magnetisation).
/// </summary>
public static class SampleCumulants
{
    /// <summary>Cumulants of every coordinate separately; returns D summaries.</summary>
    public static CumulantSummary[] PerCoordinate(Tensor samples, CumulantOptions? options = null, int order = CentralMoments.MaxOrder)
    {
        var o = options ?? new CumulantOptions();
        long d = EventSize(samples);
        var acc = new BlockedCumulants((int)d, o);
        ForEachChunk(samples, o, chunk =>
        {
            long n = chunk.shape[0];
            using var t = chunk.t().contiguous();
            acc.AddRows(t.data<double>().ToArray(), n, 1, n);
        });
        return Enumerable.Range(0, (int)d).Select(s => acc.Summarize(s, order)).ToArray();
    }

    /// <summary>Cumulants of coordinate <paramref name="index"/> (flattened event index).</summary>
    /// <exception cref="ArgumentOutOfRangeException">For an index outside 0..D−1.</exception>
    public static CumulantSummary Coordinate(Tensor samples, long index, CumulantOptions? options = null, int order = CentralMoments.MaxOrder)
    {
        long d = EventSize(samples);
        if (index < 0 || index >= d) throw new ArgumentOutOfRangeException(nameof(index), index, $"coordinate index must be in 0..{d - 1} for samples {Shapes.Format(samples)}.");
        var w = new double[d];
        w[index] = 1;
        return Linear(samples, w, options, order);
    }

    /// <summary>
    /// Site cumulants: all N·D values pooled into one series (blocks are still whole samples, so correlations
    /// within a configuration are accounted for by the jackknife).
    /// </summary>
    public static CumulantSummary Site(Tensor samples, CumulantOptions? options = null, int order = CentralMoments.MaxOrder)
    {
        var o = options ?? new CumulantOptions();
        long d = EventSize(samples);
        var acc = new BlockedCumulants(1, o);
        ForEachChunk(samples, o, chunk => acc.AddRows(chunk.data<double>().ToArray(), chunk.shape[0], (int)d));
        return acc.Summarize(0, order);
    }

    /// <summary>Cumulants of the linear observable y = Σ_i w_i x_i per sample.</summary>
    /// <exception cref="ArgumentException">When the weights do not have D entries.</exception>
    public static CumulantSummary Linear(Tensor samples, IReadOnlyList<double> weights, CumulantOptions? options = null, int order = CentralMoments.MaxOrder)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var o = options ?? new CumulantOptions();
        long d = EventSize(samples);
        if (weights.Count != d) throw new ArgumentException($"need {d} weights for samples {Shapes.Format(samples)}; got {weights.Count}.", nameof(weights));
        using var w = tensor(weights.ToArray(), dtype: ScalarType.Float64);
        var acc = new BlockedCumulants(1, o);
        ForEachChunk(samples, o, chunk =>
        {
            using var y = chunk.matmul(w);
            acc.AddRows(y.data<double>().ToArray(), chunk.shape[0]);
        });
        return acc.Summarize(0, order);
    }

    /// <summary>Cumulants of the coordinate mean M = D⁻¹ Σ_i x_i (the lattice magnetisation).</summary>
    public static CumulantSummary Mean(Tensor samples, CumulantOptions? options = null, int order = CentralMoments.MaxOrder)
    {
        long d = EventSize(samples);
        return Linear(samples, Enumerable.Repeat(1.0 / d, (int)d).ToArray(), options, order);
    }

    /// <summary>Calls <paramref name="action"/> on float64 contiguous [rows, D] chunks of <paramref name="samples"/>.</summary>
    internal static void ForEachChunk(Tensor samples, CumulantOptions options, Action<Tensor> action)
    {
        long n = samples.shape[0];
        for (long start = 0; start < n; start += options.ChunkRows)
        {
            using var scope = NewDisposeScope();
            long rows = Math.Min(options.ChunkRows, n - start);
            var chunk = samples.narrow(0, start, rows).reshape(rows, -1).to_type(ScalarType.Float64).cpu().contiguous();
            action(chunk);
        }
    }

    /// <summary>D, the flattened event size of samples [N, …] (1 for [N]); checks N ≥ 2.</summary>
    internal static long EventSize(Tensor samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.dim() < 1 || samples.shape[0] < 2)
            throw new ArgumentException($"samples must have shape [N, …] with N ≥ 2; got {Shapes.Format(samples)}.", nameof(samples));
        return samples.shape.Skip(1).Aggregate(1L, (p, s) => p * s);
    }
}
