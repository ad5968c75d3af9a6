using System.Globalization;
using System.Text;
using ScoreScope.Analysis;

namespace ScoreScope.Experiments.Cumulants;

/// <summary>
/// The table of final κ2, κ4, κ6, κ8 (bootstrap errors, as in the paper's table) for the data, the exact-score and the
/// trained backward runs, with the closed-form rows: displayed and written as <c>cumulants.csv</c>.
/// </summary>
public sealed class FinalCumulantTable
{
    /// <summary>The orders shown.</summary>
    public static readonly int[] Orders = [2, 4, 6, 8];

    readonly List<(string Row, long Count, double[] Values, double[] Bootstrap, double[] Jackknife)> _rows = [];
    readonly double[] _exact;

    /// <summary>Creates the table; <paramref name="exact"/> holds κ_1..κ_8 of the data distribution (for relative deviations).</summary>
    public FinalCumulantTable(double[] exact) => _exact = exact;

    /// <summary>Adds a closed-form row (no errors).</summary>
    public void AddExact(string row, IReadOnlyList<double> kappa) =>
        _rows.Add((row, 0, [.. Orders.Select(n => kappa[n - 1])], [.. Orders.Select(_ => double.NaN)], [.. Orders.Select(_ => double.NaN)]));

    /// <summary>Adds a measured row.</summary>
    public void Add(TrackedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        _rows.Add((run.Name, run.Count, [.. Orders.Select(n => run.Kappa(n).Value)],
            [.. Orders.Select(n => run.Kappa(n).BootstrapError)], [.. Orders.Select(n => run.Kappa(n).JackknifeError)]));
    }

    /// <summary>CSV: row, samples, then per order value, bootstrap SE, jackknife SE and value/exact − 1.</summary>
    public string ToCsv()
    {
        var sb = new StringBuilder("row,samples");
        foreach (int n in Orders) sb.Append(CultureInfo.InvariantCulture, $",kappa{n},kappa{n}_bootstrap_se,kappa{n}_jackknife_se,kappa{n}_relative_deviation");
        sb.Append('\n');
        foreach (var r in _rows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{r.Row},{r.Count}");
            for (int i = 0; i < Orders.Length; i++)
                sb.Append(CultureInfo.InvariantCulture, $",{r.Values[i]:R},{r.Bootstrap[i]:R},{r.Jackknife[i]:R},{r.Values[i] / _exact[Orders[i] - 1] - 1:R}");
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>The table for display: value ± bootstrap SE and the relative deviation from the data distribution.</summary>
    public ResultTable ToTable(string title)
    {
        var columns = new List<string> { "row", "N" };
        columns.AddRange(Orders.Select(n => $"κ{n} ± SE (Δ/κ{n})"));
        var rows = new List<IReadOnlyList<string>>();
        foreach (var r in _rows)
        {
            var cells = new List<string> { r.Row, r.Count == 0 ? "exact" : r.Count.ToString(CultureInfo.InvariantCulture) };
            for (int i = 0; i < Orders.Length; i++)
            {
                double rel = Math.Round(100 * (r.Values[i] / _exact[Orders[i] - 1] - 1), 2);
                string value = double.IsNaN(r.Bootstrap[i])
                    ? ClaimReport.Format(r.Values[i])
                    : $"{ClaimReport.Format(r.Values[i])} ± {r.Bootstrap[i].ToString("G2", CultureInfo.InvariantCulture)}";
                cells.Add($"{value} ({rel.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture)}%)");
            }
            rows.Add(cells);
        }
        return new ResultTable(title, columns, rows);
    }
}
