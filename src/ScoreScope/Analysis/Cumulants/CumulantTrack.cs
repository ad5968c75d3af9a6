using System.Globalization;
using System.Text;

namespace ScoreScope.Analysis;

/// <summary>A table of cumulants measured along a forward or backward trajectory, with analytic overlay.</summary>
/// <param name="Observable">The observable's name (site, mean, coord:i, …).</param>
/// <param name="Count">Samples per time.</param>
/// <param name="BlockCount">Error blocks per time.</param>
/// <param name="BlockSize">Rows per block.</param>
/// <param name="Points">The measurements, ordered by time then order.</param>
public sealed record CumulantTrack(string Observable, long Count, int BlockCount, long BlockSize, IReadOnlyList<CumulantTrackPoint> Points)
{
    /// <summary>The points of order <paramref name="n"/>.</summary>
    public IEnumerable<CumulantTrackPoint> OfOrder(int n) => Points.Where(p => p.Order == n);

    /// <summary>CSV with header t,order,value,jackknife_se,bootstrap_se,analytic (invariant culture, round-trip precision).</summary>
    public string ToCsv()
    {
        var sb = new StringBuilder("t,order,value,jackknife_se,bootstrap_se,analytic\n");
        foreach (var p in Points)
            sb.Append(string.Create(CultureInfo.InvariantCulture,
                $"{p.Time:R},{p.Order},{p.Estimate.Value:R},{p.Estimate.JackknifeError:R},{p.Estimate.BootstrapError:R},{p.Analytic:R}\n"));
        return sb.ToString();
    }
}
