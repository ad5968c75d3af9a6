using ScoreScope.Numerics;
using System.Globalization;
using static TorchSharp.torch;

namespace ScoreScope.Analysis;

/// <summary>
/// Maps samples and reference data [N, …] to plane coordinates for the samples plot: the first two coordinates when
/// d = 2; the two leading principal components of the reference data (its mean subtracted) when d &gt; 2; the
/// empirical CDFs (value, rank/N) when d = 1.
/// </summary>
/// <param name="Reference">Reference points in the plane.</param>
/// <param name="Samples">Generated points in the plane.</param>
/// <param name="XLabel">Horizontal axis label.</param>
/// <param name="YLabel">Vertical axis label.</param>
public sealed record PlaneProjection((double[] X, double[] Y) Reference, (double[] X, double[] Y) Samples,
    string XLabel, string YLabel)
{
    /// <summary>Projects <paramref name="samples"/> and <paramref name="reference"/> (float64 or float32, any device).</summary>
    public static PlaneProjection Create(Tensor samples, Tensor reference)
    {
        using var scope = NewDisposeScope();
        var x = samples.to_type(ScalarType.Float64).cpu().flatten(1);
        var r = reference.to_type(ScalarType.Float64).cpu().flatten(1);
        long d = x.shape[1];
        if (d == 1)
        {
            return new PlaneProjection(Cdf(r), Cdf(x), "x", "empirical CDF");
        }
        if (d == 2)
        {
            return new PlaneProjection(Columns(r), Columns(x), "x₁", "x₂");
        }
        var mean = r.mean([0], keepdim: true);
        var centred = r - mean;
        var covariance = centred.t().matmul(centred).Divide(Math.Max(r.shape[0] - 1, 1));
        var (values, vectors) = linalg.eigh(covariance);
        var top = vectors[.., TensorIndex.Slice(d - 2, d)].flip(1);
        double total = values.ClampMin(0).sum().item<double>();
        string Share(long i) => total > 0
            ? (values[i].item<double>() / total * 100).ToString("F1", CultureInfo.InvariantCulture) + "%"
            : "n/a";
        return new PlaneProjection(Columns(centred.matmul(top)), Columns((x - mean).matmul(top)),
            $"PC1 of data ({Share(d - 1)} of variance)", $"PC2 of data ({Share(d - 2)} of variance)");
    }

    static (double[] X, double[] Y) Columns(Tensor points) =>
        (points[.., 0].contiguous().data<double>().ToArray(), points[.., 1].contiguous().data<double>().ToArray());

    static (double[] X, double[] Y) Cdf(Tensor points)
    {
        var sorted = points[.., 0].sort().Values.contiguous().data<double>().ToArray();
        var ranks = Enumerable.Range(1, sorted.Length).Select(i => (double)i / sorted.Length).ToArray();
        return (sorted, ranks);
    }
}
