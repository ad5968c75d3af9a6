using System.Globalization;
using System.Text;
using ScoreScope.Lattice;

namespace ScoreScope.Experiments.Phi4;

/// <summary>
/// The table HMC vs diffusion of <c>reproduce phi4</c> (site cumulants κ2…κ8, ⟨|M|⟩, χ, U with errors, every row from
/// its own samples) and its claims: for each trained model (VE, the paper's, and VP, the comparison) the Euler–Maruyama
/// samples' κ2, κ4 and ⟨|M|⟩ within <see cref="Phi4Settings.Tolerance"/> and κ6 within
/// <see cref="Phi4Settings.SixthCumulantTolerance"/> of HMC at both points (issue 14; Aarts, Habibi, Wang, Zhou 2024,
/// arXiv 2410.21212, §4). Checked at full budget, findings under the quick preset, for VP as for VE. Heun's rows are
/// reported beside them as findings.
/// </summary>
internal static class Phi4Comparison
{
    public static readonly string[] Observables = ["kappa2", "kappa4", "kappa6", "kappa8", "|M|", "chi", "U"];

    public static ResultTable ToTable(IReadOnlyList<Phi4PointResult> points)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var point in points)
        {
            rows.Add([point.Name, "HMC", .. Observables.Select(o => Format(point.Hmc[o]))]);
            foreach (var model in point.Models)
            {
                foreach (var (sampler, table) in new[] { ("Euler–Maruyama", model.EulerMaruyama), ("Heun", model.Heun) })
                    rows.Add([point.Name, $"{model.Process} {sampler}", .. Observables.Select(o => Format(table[o]))]);
            }
        }
        return new ResultTable("φ⁴: HMC vs the trained diffusion models (each row from its own samples; errors: Γ-method)",
            ["point", "ensemble", .. Observables], rows);
    }

    public static List<string> AddClaims(ClaimReport claims, IReadOnlyList<Phi4PointResult> points, Phi4Settings settings)
    {
        var notes = new List<string>();
        foreach (var point in points)
        {
            foreach (var model in point.Models)
            {
                foreach (var (observable, tolerance) in new[] { ("kappa2", settings.Tolerance), ("kappa4", settings.Tolerance), ("kappa6", settings.SixthCumulantTolerance), ("|M|", settings.Tolerance) })
                {
                    var reference = point.Hmc[observable];
                    var generated = model.EulerMaruyama[observable];
                    bool holds = Math.Abs(generated.Value - reference.Value) <= tolerance * Math.Abs(reference.Value);
                    claims.Add(new ClaimCheck($"{point.Name}: {model.Process} Euler–Maruyama {observable} within {tolerance:P0} of HMC",
                        $"{ClaimReport.Format(reference.Value)} ± {ClaimReport.Format(reference.Error)}",
                        $"{ClaimReport.Format(generated.Value)} ± {ClaimReport.Format(generated.Error)} ({Distance(reference, generated):+0.0;-0.0} combined SE)",
                        $"{ClaimReport.Format(100 * tolerance)}%", holds, Checked: !settings.Quick));
                }
            }
            foreach (string observable in new[] { "chi", "U" })
            {
                var reference = point.Hmc[observable];
                var line = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
                    $"{point.Name}: {observable} HMC {reference.Value:G4} ± {reference.Error:G2}"));
                foreach (var model in point.Models)
                {
                    var em = model.EulerMaruyama[observable];
                    var heun = model.Heun[observable];
                    line.Append(CultureInfo.InvariantCulture,
                        $"; {model.Process} Euler–Maruyama {em.Value:G4} ± {em.Error:G2} ({Distance(reference, em):+0.0;-0.0} combined SE), Heun {heun.Value:G4} ± {heun.Error:G2}");
                }
                notes.Add(line.ToString());
            }
            string seconds = string.Join(", ", point.Seconds.Select(kv => FormattableString.Invariant($"{kv.Key} {kv.Value:F0}")));
            string losses = string.Join(", ", point.Models.Select(m => FormattableString.Invariant($"{m.Process} {m.HeldOutLoss:G4}")));
            notes.Add(FormattableString.Invariant($"{point.Name}: HMC acceptance {point.Acceptance:F3}; held-out EMA loss {losses}; seconds {seconds}"));
        }
        if (settings.Quick) notes.Add("quick preset: the 2 %/5 % comparisons are reported as findings (not checked); the paper-scale run checks them (VE and VP alike).");
        return notes;
    }

    /// <summary>(model − reference) in units of the combined standard error of the two independent estimates.</summary>
    static double Distance(LatticeObservableEstimate reference, LatticeObservableEstimate model) =>
        (model.Value - reference.Value) / Math.Sqrt(reference.Error * reference.Error + model.Error * model.Error);

    static string Format(LatticeObservableEstimate estimate) =>
        string.Create(CultureInfo.InvariantCulture, $"{estimate.Value:G5} ± {estimate.Error:G2}");
}
