using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Analysis;

/// <summary>
/// Streaming mixed (joint) cumulants — connected n-point functions κ(x_{i1}, …, x_{in}), n ≤ 4 — for given index
/// tuples of samples [N, D] (Aarts et al. 2024, arXiv 2410.21212, Eq. for W_t[J]; Kendall &amp; Stuart §13.2).
/// Per tuple, the sample means of the products of every sub-tuple of coordinates (shifted by the first chunk's
/// column means for stability) are accumulated in blocks; the cumulant follows from the partition formula
/// (<see cref="CumulantRelations.JointCumulant"/>). Errors: blocked jackknife and block bootstrap.
/// </summary>
public sealed class ConnectedCorrelator
{
    readonly int[][] _tuples;
    readonly int[] _offsets;
    readonly BlockedMeans _means;
    double[]? _shift;

    /// <summary>Creates the correlator for the given index tuples (each of length 1..4, indices into the flattened event).</summary>
    /// <exception cref="ArgumentException">For an empty list, a tuple of length outside 1..4, or a negative index.</exception>
    public ConnectedCorrelator(IReadOnlyList<int[]> tuples, CumulantOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tuples);
        if (tuples.Count == 0) throw new ArgumentException("need at least one index tuple.", nameof(tuples));
        _tuples = tuples.Select(t => t.ToArray()).ToArray();
        _offsets = new int[_tuples.Length + 1];
        for (int k = 0; k < _tuples.Length; k++)
        {
            var t = _tuples[k];
            if (t.Length < 1 || t.Length > 4 || t.Any(i => i < 0))
                throw new ArgumentException($"tuple {k} = ({string.Join(", ", t)}) must have 1..4 non-negative indices.", nameof(tuples));
            _offsets[k + 1] = _offsets[k] + (1 << t.Length) - 1;
        }
        var o = options ?? new CumulantOptions();
        o.Validate();
        _means = new BlockedMeans(_offsets[^1], o);
    }

    /// <summary>The number of blocks currently used for errors.</summary>
    public int BlockCount => _means.BlockCount;

    /// <summary>Rows per full block.</summary>
    public long BlockSize => _means.BlockSize;

    /// <summary>Adds a chunk of samples [n, …] (any float dtype; converted to float64).</summary>
    /// <exception cref="ArgumentException">When a tuple index exceeds the event size.</exception>
    public void Add(Tensor chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        using var scope = NewDisposeScope();
        long n = chunk.shape[0];
        var x = chunk.reshape(n, -1).to_type(ScalarType.Float64).cpu().contiguous();
        long d = x.shape[1];
        int max = _tuples.Max(t => t.Max());
        if (max >= d) throw new ArgumentException($"index {max} is outside the event of size {d} (chunk {Shapes.Format(chunk)}).", nameof(chunk));
        _shift ??= x.mean([0]).data<double>().ToArray();
        var data = x.data<double>().ToArray();
        var perRow = new double[n * _means.Width];
        for (long r = 0; r < n; r++)
        {
            var row = perRow.AsSpan((int)(r * _means.Width), _means.Width);
            for (int k = 0; k < _tuples.Length; k++)
            {
                var t = _tuples[k];
                for (int mask = 1; mask < 1 << t.Length; mask++)
                {
                    double p = 1;
                    for (int j = 0; j < t.Length; j++)
                        if ((mask >> j & 1) != 0) p *= data[r * d + t[j]] - _shift[t[j]];
                    row[_offsets[k] + mask - 1] = p;
                }
            }
        }
        _means.AddRows(perRow);
    }

    /// <summary>The connected n-point function of every tuple, with errors, in the order given.</summary>
    public CumulantEstimate[] Estimate() => _means.Estimate(m =>
    {
        var result = new double[_tuples.Length];
        for (int k = 0; k < _tuples.Length; k++)
        {
            var t = _tuples[k];
            int off = _offsets[k];
            double c = CumulantRelations.JointCumulant(t.Length, mask => m[off + mask - 1]);
            result[k] = t.Length == 1 ? c + _shift![t[0]] : c;
        }
        return result;
    });
}
