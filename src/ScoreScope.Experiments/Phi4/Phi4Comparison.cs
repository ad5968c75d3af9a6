using System.Globalization;
using ScoreScope.Lattice;

namespace ScoreScope.Experiments.Phi4;

/// <summary>
/// The table HMC vs diffusion of <c>reproduce phi4</c> (site cumulants κ2…κ8, ⟨|M|⟩, χ, U with errors, both rows from
/// their own samples) and its claims: the Euler–Maruyama model's κ2, κ4 and ⟨|M|⟩ within <see cref="Phi4Settings.Tolerance"/>
/// and κ6 within <see cref="Phi4Settings.SixthCumulantTolerance"/> of HMC at both points (issue 14). Heun's rows are
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
            foreach (var (label, table) in new[] { ("HMC", point.Hmc), ("Euler–Maruyama", point.EulerMaruyama), ("Heun", point.Heun) })
            {
                rows.Add([point.Name, label, .. Observables.Select(o => Format(table[o]))]);
            }
        }
        return new ResultTable("φ⁴: HMC vs the trained diffusion model (each row from its own samples; errors: Γ-method)",
            ["point", "ensemble", .. Observables], rows);
    }

    public static List<string> AddClaims(ClaimReport claims, IReadOnlyList<Phi4PointResult> points, Phi4Settings settings)
    {
        var notes = new List<string>();
        foreach (var point in points)
        {
            foreach (var (observable, tolerance) in new[] { ("kappa2", settings.Tolerance), ("kappa4", settings.Tolerance), ("kappa6", settings.SixthCumulantTolerance), ("|M|", settings.Tolerance) })
            {
                var reference = point.Hmc[observable];
                var model = point.EulerMaruyama[observable];
                bool holds = Math.Abs(model.Value - reference.Value) <= tolerance * Math.Abs(reference.Value);
                double combined = Math.Sqrt(reference.Error * reference.Error + model.Error * model.Error);
                claims.Add(new ClaimCheck($"{point.Name}: Euler–Maruyama {observable} within {tolerance:P0} of HMC",
                    $"{ClaimReport.Format(reference.Value)} ± {ClaimReport.Format(reference.Error)}",
                    $"{ClaimReport.Format(model.Value)} ± {ClaimReport.Format(model.Error)} ({(model.Value - reference.Value) / combined:+0.0;-0.0} combined SE)",
                    $"{ClaimReport.Format(100 * tolerance)}%", holds, Checked: !settings.Quick));
            }
            foreach (string observable in new[] { "chi", "U" })
            {
                var reference = point.Hmc[observable];
                var model = point.EulerMaruyama[observable];
                double combined = Math.Sqrt(reference.Error * reference.Error + model.Error * model.Error);
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{point.Name}: {observable} HMC {reference.Value:G4} ± {reference.Error:G2}, Euler–Maruyama {model.Value:G4} ± {model.Error:G2} ({(model.Value - reference.Value) / combined:+0.0;-0.0} combined SE), Heun {point.Heun[observable].Value:G4} ± {point.Heun[observable].Error:G2}"));
            }
            string seconds = string.Join(", ", point.Seconds.Select(kv => FormattableString.Invariant($"{kv.Key} {kv.Value:F0}")));
            notes.Add(FormattableString.Invariant($"{point.Name}: HMC acceptance {point.Acceptance:F3}; held-out EMA loss {point.HeldOutLoss:G4}; seconds {seconds}"));
        }
        if (settings.Quick) notes.Add("quick preset: the 2 %/5 % comparisons are reported as findings (not checked); the paper-scale run checks them.");
        return notes;
    }

    static string Format(LatticeObservableEstimate estimate) =>
        string.Create(CultureInfo.InvariantCulture, $"{estimate.Value:G5} ± {estimate.Error:G2}");
}
