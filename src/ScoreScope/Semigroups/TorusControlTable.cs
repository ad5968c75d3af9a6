using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Semigroups;

/// <summary>
/// The OISM score s̃_t(x) = Σ_k (−α_{cos k}·sin k·x + α_{sin k}·cos k·x)·k of a <see cref="TorusFullBasisOism"/> as a
/// batched float64 tensor function: coefficients α̂_t tabulated on a time grid (one solve per grid time) and computed
/// on demand (cached) at other times.
/// </summary>
sealed class TorusControlTable : IDisposable
{
    readonly TorusFullBasisOism _control;
    readonly Tensor _waveVectors;        // [H, D]
    readonly Tensor _grid;               // [G, P]
    readonly Dictionary<double, Tensor> _cache = [];

    public TorusControlTable(TorusFullBasisOism control, IReadOnlyList<double> timeGrid)
    {
        _control = control;
        var k = control.WaveVectors;
        _waveVectors = tensor(k.SelectMany(v => v.Select(c => (double)c)).ToArray(), [k.Count, control.Dimension], dtype: ScalarType.Float64);
        _grid = tensor(timeGrid.SelectMany(control.Coefficients).ToArray(), [timeGrid.Count, control.BasisSize], dtype: ScalarType.Float64);
    }

    /// <summary>s̃_{t_g}(x): x [B, D], grid indices [B] int64.</summary>
    public Tensor OnGrid(Tensor x, Tensor gridIndices)
    {
        using var scope = NewDisposeScope();
        return Evaluate(x, _grid.index_select(0, gridIndices), _waveVectors).MoveToOuterDisposeScope();
    }

    /// <summary>s̃_t(x) at one time: x [B, D].</summary>
    public Tensor At(Tensor x, double time)
    {
        if (!_cache.TryGetValue(time, out var alpha))
        {
            alpha = tensor(_control.Coefficients(time), [1, _control.BasisSize], dtype: ScalarType.Float64).DetachFromDisposeScope();
            _cache[time] = alpha;
        }
        using var scope = NewDisposeScope();
        return Evaluate(x, alpha.expand(x.shape[0], -1), _waveVectors).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        _waveVectors.Dispose();
        _grid.Dispose();
        foreach (var alpha in _cache.Values) alpha.Dispose();
    }

    /// <summary>s̃(x) = Σ_k (−α_{cos k}·sin k·x + α_{sin k}·cos k·x)·k for coefficients [B, P] and wave vectors [H, D]; differentiable in x.</summary>
    internal static Tensor Evaluate(Tensor x, Tensor coefficients, Tensor waveVectors)
    {
        var phase = x.to_type(ScalarType.Float64).matmul(waveVectors.t());                   // [B, H]
        var pairs = coefficients.reshape(coefficients.shape[0], -1, 2);                      // [B, H, 2]
        var weight = (pairs.select(2, 1) * phase.cos()).Subtract(pairs.select(2, 0) * phase.sin());
        return weight.matmul(waveVectors);                                                   // [B, D]
    }
}
