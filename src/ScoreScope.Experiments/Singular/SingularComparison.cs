using System.Globalization;
using System.Text;

namespace ScoreScope.Experiments.Singular;

/// <summary>
/// Part (e) of <c>reproduce singular</c>: comparison.csv, the comparison table, the model claims (finite
/// samples, the final projection, and the paper's hypotheses that x̂₀ lowers pollution and small-t score error —
/// recorded as measured, whichever way they come out) and the closing verdict line.
/// </summary>
internal static class SingularComparison
{
    public static void Write(string folder, IReadOnlyList<SingularComparisonRow> rows, double timeScale)
    {
        var csv = new StringBuilder("manifold,parametrisation,final_projection,n_finite,non_finite,median,median_se,q90,q90_se,tolerance," +
            "fraction_beyond,fraction_beyond_se,ks_statistic,ks_p,tau_min,rel_error_tau_min,rel_error_tau_min_se,rel_error_tau_1,rel_error_tau_1_se,train_seconds,heldout_loss\n");
        foreach (var r in rows)
        {
            var p = r.Pollution;
            csv.Append(CultureInfo.InvariantCulture,
                $"{r.Manifold},{r.Parametrisation},{(r.FinalProjection ? "true" : "false")},{p?.Report.Count ?? 0},{r.NonFinite}," +
                $"{N(p?.Report.Median)},{N(p?.MedianError)},{N(p?.Report.Quantile90)},{N(p?.Quantile90Error)},{N(p?.Report.Tolerance)}," +
                $"{N(p?.Report.FractionBeyondTolerance)},{N(p?.FractionError)},{N(r.Angular?.Statistic)},{N(r.Angular?.PValue)}," +
                $"{N(r.ErrorAtMinimum.Time * timeScale)},{N(r.ErrorAtMinimum.RelativeError)},{N(r.ErrorAtMinimum.StandardError)}," +
                $"{N(r.ErrorAtOne.RelativeError)},{N(r.ErrorAtOne.StandardError)},{r.TrainSeconds:F1},{N(r.HeldOutLoss)}\n");
        }
        File.WriteAllText(Path.Combine(folder, "comparison.csv"), csv.ToString());
    }

    /// <summary>The comparison as a display table (± bootstrap / delta-method standard errors).</summary>
    public static ResultTable ToTable(IReadOnlyList<SingularComparisonRow> rows)
    {
        var cells = new List<IReadOnlyList<string>>();
        foreach (var r in rows)
        {
            var p = r.Pollution;
            cells.Add([r.Manifold, r.Parametrisation, r.FinalProjection ? "yes" : "no",
                p is null ? "-" : Pm(p.Report.Median, p.MedianError), p is null ? "-" : Pm(p.Report.Quantile90, p.Quantile90Error),
                p is null ? "-" : Pm(p.Report.FractionBeyondTolerance, p.FractionError),
                r.Angular is null ? "-" : r.Angular.PValue.ToString("G3", CultureInfo.InvariantCulture),
                Pm(r.ErrorAtMinimum.RelativeError, r.ErrorAtMinimum.StandardError), Pm(r.ErrorAtOne.RelativeError, r.ErrorAtOne.StandardError),
                double.IsNaN(r.HeldOutLoss) ? "-" : r.HeldOutLoss.ToString("G5", CultureInfo.InvariantCulture)]);
        }
        return new ResultTable("pollution dist(x, M) and score error (± bootstrap / delta-method SE)",
            ["manifold", "param", "proj", "median", "q90", "frac > tol", "KS p", "rel err τ_min", "rel err τ=1", "held-out loss"], cells);
    }

    /// <summary>Adds the model claims; returns the verdict lines (which parametrisation has the least pollution).</summary>
    public static IReadOnlyList<string> AddClaims(ClaimReport claims, IReadOnlyList<SingularComparisonRow> rows)
    {
        var verdict = new List<string>();
        foreach (var r in rows.Where(r => !r.FinalProjection))
            claims.Add(new ClaimCheck($"{r.Manifold}-{r.Parametrisation}-samples-finite", "0 non-finite", $"{r.NonFinite} non-finite", "exact", r.NonFinite == 0));
        foreach (var manifold in rows.Select(r => r.Manifold).Distinct())
        {
            SingularComparisonRow? Find(string name, bool projection) =>
                rows.FirstOrDefault(r => r.Manifold == manifold && r.Parametrisation == name && r.FinalProjection == projection);
            var dataRaw = Find("data", false);
            var dataProjected = Find("data", true);
            if (dataRaw?.Pollution is { } raw && dataProjected?.Pollution is { } projected)
            {
                claims.Add(new ClaimCheck($"{manifold}-data-final-projection-lowers-median",
                    $"< {ClaimReport.Format(raw.Report.Median)} (no projection)", Pm(projected.Report.Median, projected.MedianError),
                    "strict", projected.Report.Median < raw.Report.Median));
            }
            foreach (string other in new[] { "noise", "score" })
            {
                var o = Find(other, false);
                if (dataRaw is null || o is null) continue;
                bool less = dataRaw.Pollution is { } d && (o.Pollution is null || d.Report.Quantile90 < o.Pollution.Report.Quantile90);
                claims.Add(new ClaimCheck($"{manifold}-paper-data-less-pollution-q90-than-{other}",
                    $"< {(o.Pollution is null ? "NaN" : Pm(o.Pollution.Report.Quantile90, o.Pollution.Quantile90Error))} ({other})",
                    dataRaw.Pollution is null ? "NaN" : Pm(dataRaw.Pollution.Report.Quantile90, dataRaw.Pollution.Quantile90Error), "strict", less,
                    Checked: false));
                claims.Add(new ClaimCheck($"{manifold}-paper-data-smaller-score-error-tau-min-than-{other}",
                    $"< {Pm(o.ErrorAtMinimum.RelativeError, o.ErrorAtMinimum.StandardError)} ({other})",
                    Pm(dataRaw.ErrorAtMinimum.RelativeError, dataRaw.ErrorAtMinimum.StandardError), "strict",
                    dataRaw.ErrorAtMinimum.RelativeError < o.ErrorAtMinimum.RelativeError, Checked: false));
            }
            var exact = Find(SingularModelStage.ExactName, false);
            if (exact?.Pollution is { } floor)
            {
                verdict.Add($"{manifold}: floor (exact score, same sampler and noise): median {Pm(floor.Report.Median, floor.MedianError)}, " +
                    $"q90 {Pm(floor.Report.Quantile90, floor.Quantile90Error)}");
            }
            var ranked = rows.Where(r => r.Manifold == manifold && !r.FinalProjection && r.Pollution is not null && r.Parametrisation != SingularModelStage.ExactName)
                .OrderBy(r => r.Pollution!.Report.Quantile90).ToList();
            if (ranked.Count > 0)
            {
                verdict.Add($"{manifold}: least pollution (90% quantile of dist(x, M), no projection): {ranked[0].Parametrisation}; " +
                    string.Join("; ", ranked.Select(r => $"{r.Parametrisation} median {Pm(r.Pollution!.Report.Median, r.Pollution.MedianError)}, " +
                        $"q90 {Pm(r.Pollution.Report.Quantile90, r.Pollution.Quantile90Error)}")));
            }
        }
        return verdict;
    }

    static string N(double? value) => value is double v ? v.ToString("R", CultureInfo.InvariantCulture) : "NaN";

    static string Pm(double value, double error) =>
        $"{value.ToString("G4", CultureInfo.InvariantCulture)} ± {error.ToString("G2", CultureInfo.InvariantCulture)}";
}
