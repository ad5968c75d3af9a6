using ScoreScope.Lattice;
using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Correction;

/// <summary>
/// Observables of a Markov chain of points with Γ-method errors (Wolff 2004; <see cref="GammaMethod"/>): the mean of every
/// coordinate, every covariance entry and the occupancy of labelled modes, each with its integrated autocorrelation time
/// τ_int, so that the standard errors account for the repeated states of a Metropolis chain.
/// </summary>
public static class ChainObservables
{
    /// <summary>The mean of each coordinate of the chain [N, D] (flattened events), with Γ-method errors.</summary>
    /// <exception cref="ArgumentException">For fewer than 2 states.</exception>
    public static GammaMethodEstimate[] Means(Tensor chain)
    {
        var columns = Columns(chain);
        return columns.Select(c => GammaMethod.Mean(c)).ToArray();
    }

    /// <summary>
    /// The covariance entries C_ij = E[x_i x_j] − E[x_i]E[x_j], i ≤ j, row-major over the upper triangle, each a function
    /// of three primary means analysed jointly by the Γ-method.
    /// </summary>
    public static GammaMethodEstimate[] Covariances(Tensor chain)
    {
        var columns = Columns(chain);
        int d = columns.Length;
        var result = new List<GammaMethodEstimate>();
        for (int i = 0; i < d; i++)
        {
            for (int j = i; j < d; j++)
            {
                var product = new double[columns[i].Length];
                for (int k = 0; k < product.Length; k++) product[k] = columns[i][k] * columns[j][k];
                result.Add(GammaMethod.Analyse([columns[i], columns[j], product], 1, m => m[2] - m[0] * m[1]));
            }
        }
        return result.ToArray();
    }

    /// <summary>The fraction of states in each mode, from per-state labels in [0, K), with Γ-method errors.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For labels outside [0, K).</exception>
    public static GammaMethodEstimate[] Occupancies(Tensor labels, int modeCount)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(modeCount, 1);
        var l = labels.to_type(ScalarType.Int64).cpu().data<long>().ToArray();
        if (l.Any(v => v < 0 || v >= modeCount))
            throw new ArgumentOutOfRangeException(nameof(labels), $"labels must lie in [0, {modeCount}).");
        return Enumerable.Range(0, modeCount).Select(k => GammaMethod.Mean(l.Select(v => v == k ? 1.0 : 0.0).ToArray())).ToArray();
    }

    static double[][] Columns(Tensor chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        if (chain.dim() < 2 || chain.shape[0] < 2)
            throw new ArgumentException($"a chain must be [N ≥ 2, …event]; got {Shapes.Format(chain)}.", nameof(chain));
        using var scope = NewDisposeScope();
        var flat = chain.reshape(chain.shape[0], -1).to_type(ScalarType.Float64).cpu().t().contiguous();
        long d = flat.shape[0];
        return Enumerable.Range(0, (int)d).Select(i => flat[i].data<double>().ToArray()).ToArray();
    }
}
