using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Analysis;

/// <summary>
/// The translation-averaged connected two-point function G(r) = V⁻¹ Σ_x [⟨φ(x)φ(x+r)⟩ − ⟨φ(x)⟩⟨φ(x+r)⟩] of
/// field samples [N, L₁(, L₂)] on a periodic lattice of V sites, for every displacement r (periodic indices),
/// computed per configuration by FFT autocorrelation and streamed in blocks (Aarts et al. 2024, arXiv 2410.21212,
/// §1: under VE only G(0) changes, by σ_t²). Errors: blocked jackknife and block bootstrap.
/// </summary>
public sealed class LatticeTwoPointFunction
{
    readonly long[] _shape;
    readonly long _volume;
    readonly BlockedMeans _means;
    double? _shift;

    /// <summary>Creates the estimator for a periodic lattice of the given shape (1-D or 2-D).</summary>
    /// <exception cref="ArgumentException">For a shape of rank other than 1 or 2 or a non-positive extent.</exception>
    public LatticeTwoPointFunction(IReadOnlyList<long> latticeShape, CumulantOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(latticeShape);
        if (latticeShape.Count is < 1 or > 2 || latticeShape.Any(l => l < 1))
            throw new ArgumentException($"lattice shape must be 1-D or 2-D with positive extents; got {Shapes.Format(latticeShape.ToArray())}.", nameof(latticeShape));
        _shape = latticeShape.ToArray();
        _volume = _shape.Aggregate(1L, (p, s) => p * s);
        var o = options ?? new CumulantOptions();
        o.Validate();
        _means = new BlockedMeans((int)(2 * _volume), o);
    }

    /// <summary>The number of blocks currently used for errors.</summary>
    public int BlockCount => _means.BlockCount;

    /// <summary>Rows per full block.</summary>
    public long BlockSize => _means.BlockSize;

    /// <summary>Adds configurations [n, L₁(, L₂)].</summary>
    /// <exception cref="ArgumentException">When the trailing shape is not the lattice shape.</exception>
    public void Add(Tensor chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (chunk.dim() != _shape.Length + 1 || !chunk.shape.Skip(1).SequenceEqual(_shape))
            throw new ArgumentException($"expected configurations [n, {string.Join(", ", _shape)}]; got {Shapes.Format(chunk)}.", nameof(chunk));
        using var scope = NewDisposeScope();
        long n = chunk.shape[0];
        var x = chunk.to_type(ScalarType.Float64).cpu();
        _shift ??= x.mean().item<double>();
        x = x.Subtract(_shift.Value);
        var c = Autocorrelation(x).reshape(n, _volume);
        var perRow = cat([c, x.reshape(n, _volume)], 1).contiguous();
        _means.AddRows(perRow.data<double>().ToArray());
    }

    /// <summary>G(r) for every displacement r, flattened row-major over the lattice shape (index 0 is r = 0).</summary>
    public CumulantEstimate[] Estimate() => _means.Estimate(m =>
    {
        using var scope = NewDisposeScope();
        var mean = tensor(m.AsSpan((int)_volume).ToArray(), dtype: ScalarType.Float64).reshape([1, .. _shape]);
        var disconnected = Autocorrelation(mean).reshape(_volume);
        var g = new double[_volume];
        var d = disconnected.data<double>().ToArray();
        for (int i = 0; i < _volume; i++) g[i] = m[i] - d[i];
        return g;
    });

    /// <summary>G(r) along the lattice axes, averaged over axes, for r = 0..L/2 (requires equal extents).</summary>
    /// <exception cref="InvalidOperationException">For unequal extents.</exception>
    public CumulantEstimate[] EstimateAlongAxes()
    {
        if (_shape.Distinct().Count() != 1) throw new InvalidOperationException($"axis averaging needs equal extents; lattice is {Shapes.Format(_shape)}.");
        long l = _shape[0];
        return _means.Estimate(m =>
        {
            using var scope = NewDisposeScope();
            var mean = tensor(m.AsSpan((int)_volume).ToArray(), dtype: ScalarType.Float64).reshape([1, .. _shape]);
            var d = Autocorrelation(mean).reshape(_volume).data<double>().ToArray();
            var result = new double[l / 2 + 1];
            for (long r = 0; r <= l / 2; r++)
            {
                long i0 = _shape.Length == 1 ? r : r * l; // displacement (r, 0)
                long i1 = r;                               // displacement (0, r) in 2-D
                double s = m[i0] - d[i0];
                if (_shape.Length == 2) s = 0.5 * (s + m[i1] - d[i1]);
                result[r] = s;
            }
            return result;
        });
    }

    // C(r) = V⁻¹ Σ_x φ(x)φ(x+r) per configuration, by the Wiener–Khinchin theorem on the periodic lattice.
    Tensor Autocorrelation(Tensor x)
    {
        long[] dims = _shape.Length == 1 ? [1] : [1, 2];
        var f = fft.rfftn(x, dim: dims);
        var power = (f * f.conj()).real.to_type(ScalarType.ComplexFloat64);
        return fft.irfftn(power, s: _shape, dim: dims).Divide(_volume);
    }
}
