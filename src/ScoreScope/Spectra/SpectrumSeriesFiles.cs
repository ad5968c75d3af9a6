using System.Globalization;
using System.Text;
using ScoreScope.IO;

namespace ScoreScope.Spectra;

/// <summary>
/// Writes a <see cref="SpectrumSeries"/> into a run folder: <c>NAME.npy</c> (mean sorted spectrum [T, D], eigenvalue
/// convention ν ∈ [−1, 0]), <c>NAME-spread.npy</c> (standard deviation over points) and <c>NAME.csv</c> (per time:
/// process time t, σ² = b²/a², m̂ ± sd, manifold gap, widest tangent gap (<see cref="TangentGaps"/>) and the count of
/// values below it).
/// </summary>
public static class SpectrumSeriesFiles
{
    /// <summary>Writes the files; <paramref name="manifoldDimension"/> places the manifold gap (D − d values below it).</summary>
    public static void Write(string folder, string name, SpectrumSeries series, int manifoldDimension)
    {
        int t = series.Times.Count, d = series.AmbientDimension;
        NpyFile.Write(Path.Combine(folder, name + ".npy"), series.Mean.SelectMany(r => r).ToArray(), [t, d]);
        NpyFile.Write(Path.Combine(folder, name + "-spread.npy"), series.Spread.SelectMany(r => r).ToArray(), [t, d]);
        var manifold = ManifoldGaps(series, manifoldDimension);
        var tangent = TangentGaps(series, manifoldDimension);
        var csv = new StringBuilder("process_time,sigma_squared,m_hat,m_hat_sd,manifold_gap,tangent_gap,tangent_gap_count_below\n");
        for (int i = 0; i < t; i++)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{series.Times[i]:R},{series.SquaredNoiseToSignal[i]:R},{series.Dimension[i]:R},{series.DimensionSpread[i]:R},{Field(manifold[i].Width)},{Field(tangent[i].Width)},{(tangent[i] == None ? "" : tangent[i].CountBelow)}\n");
        }
        File.WriteAllText(Path.Combine(folder, name + ".csv"), csv.ToString());
    }

    /// <summary>The gap between the D − d orthogonal values and the tangent ones at each time.</summary>
    /// <remarks>Undefined (<see cref="None"/> at every time) unless 1 ≤ d ≤ D − 1.</remarks>
    public static IReadOnlyList<SpectralGap> ManifoldGaps(SpectrumSeries series, int manifoldDimension)
    {
        int k = series.AmbientDimension - manifoldDimension - 1;
        return k >= 0 && k + 1 < series.AmbientDimension ? series.WidestGaps(k, k) : Undefined(series);
    }

    /// <summary>A gap that does not exist (too few values): width NaN, written as an empty CSV field.</summary>
    public static readonly SpectralGap None = new(-1, double.NaN, double.NaN);

    static SpectralGap[] Undefined(SpectrumSeries series) => Enumerable.Repeat(None, series.Times.Count).ToArray();

    static string Field(double width) => double.IsNaN(width) ? "" : width.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The fewest tangent values on either side of an intermediate gap (excludes gaps at the bulk ends, where
    /// the sparse extreme values of a finite spectrum, or a network's outliers, leave wide spacings).</summary>
    public const int MinimumBlock = 5;

    /// <summary>The widest gap inside the d tangent values at each time with at least <see cref="MinimumBlock"/> of them
    /// on either side (an intermediate gap when bulks detach).</summary>
    /// <remarks>Undefined (<see cref="None"/> at every time) with fewer than two tangent values (d &lt; 2, e.g. 2-D data).</remarks>
    public static IReadOnlyList<SpectralGap> TangentGaps(SpectrumSeries series, int manifoldDimension)
    {
        var (first, last) = TangentRange(series.AmbientDimension, manifoldDimension);
        return first >= 0 && first <= last && last + 1 < series.AmbientDimension ? series.WidestGaps(first, last) : Undefined(series);
    }

    /// <summary>The positions searched by <see cref="TangentGaps"/>.</summary>
    public static (int First, int Last) TangentRange(int ambientDimension, int manifoldDimension) =>
        manifoldDimension >= 2 * MinimumBlock + 1
            ? (ambientDimension - manifoldDimension + MinimumBlock - 1, ambientDimension - 1 - MinimumBlock)
            : (ambientDimension - manifoldDimension, ambientDimension - 2);
}
