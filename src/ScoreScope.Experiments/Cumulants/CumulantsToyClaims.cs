using System.Globalization;
using ScoreScope.Analysis;

namespace ScoreScope.Experiments.Cumulants;

/// <summary>
/// The claims of issue 4 checked by <c>reproduce cumulants-toy</c> (Aarts et al. 2024, arXiv 2410.21212): forward
/// conservation (VE) and decay (VP) of the toy cumulants, exact-score backward end points (VP: the data; VE from
/// N(0, σ₁²): the Doob-transform values of <see cref="PriorMismatchCumulants"/>), and the trained VE model's κ4, κ6
/// within 1% of exact.
/// </summary>
public static class CumulantsToyClaims
{
    /// <summary>The issue's printed normal-prior VE end point (κ2, κ4, κ6, κ8) and half a unit of its last digit.</summary>
    static readonly (int Order, double Printed, double HalfUnit)[] PrintedVeTarget =
        [(2, 1.06223, 5e-6), (4, -1.99895, 5e-6), (6, 15.9874, 5e-5), (8, -271.715, 5e-4)];

    /// <summary>The issue's printed VP forward values at t = 0.2 (κ2, κ4).</summary>
    static readonly (int Order, double Printed)[] PrintedVpAtPointTwo = [(2, 1.0450), (4, -1.0372)];

    /// <summary>
    /// Adds every claim to <paramref name="report"/>; returns the VE normal-prior target κ_1..κ_8. The trained-model
    /// claims are enforced by <c>--check</c> only when <paramref name="enforceTrained"/> (the full run).
    /// </summary>
    public static double[] Add(ClaimReport report, CumulantsToyRun experiment, IReadOnlyDictionary<string, TrackedRun> runs,
        bool enforceTrained)
    {
        // Forward: VE κ4 conserved wherever its SE is below 0.1 (the estimator noise grows as κ2(t)²).
        AllWithin(report, "forward-ve-kappa4-conserved", runs["forward-ve"].Track, 4, p => p.Estimate.StandardError < 0.1);
        AllWithin(report, "forward-vp-kappa2-analytic", runs["forward-vp"].Track, 2, _ => true);
        AllWithin(report, "forward-vp-kappa4-analytic", runs["forward-vp"].Track, 4, _ => true);
        var atPointTwo = runs["forward-vp"].Track.Points.Where(p => Math.Abs(p.Time - 0.2) < 1e-12).ToArray();
        foreach (var (order, printed) in PrintedVpAtPointTwo)
        {
            var p = atPointTwo.Single(q => q.Order == order);
            report.AddWithinAbsolute($"forward-vp-kappa{order}-t0.2-closed-form", printed, p.Analytic, 5e-5);
            report.AddWithinStandardErrors($"forward-vp-kappa{order}-t0.2", p.Analytic, p.Estimate.Value, p.Estimate.StandardError);
        }

        // Exact-score backward: VP from N(0, 1) ends at the data; VE from N(0, σ₁²) at the Doob transform q₀.
        foreach (int n in new[] { 2, 4, 6, 8 })
        {
            var k = runs["vp-exact"].Kappa(n);
            report.AddWithinStandardErrors($"backward-vp-exact-kappa{n}", experiment.Exact[n - 1], k.Value, k.StandardError);
        }
        var target = PriorMismatchCumulants.Evaluate(experiment.Toy, experiment.VarianceExploding);
        foreach (var (order, printed, halfUnit) in PrintedVeTarget)
            report.AddWithinAbsolute($"ve-normal-prior-target-kappa{order}", printed, target[order - 1], halfUnit);
        foreach (int n in new[] { 2, 4, 6, 8 })
        {
            var k = runs["ve-exact"].Kappa(n);
            report.AddWithinStandardErrors($"backward-ve-exact-kappa{n}", target[n - 1], k.Value, k.StandardError);
        }

        // Trained VE: κ4 and κ6 within 1% of exact (the paper: 0.2–0.4%). VP is reported in cumulants.csv only. At the
        // --quick budget (1500 training steps, SE ≈ 1%) the claim is a finding: reported, not enforced by --check.
        foreach (int n in new[] { 4, 6 })
        {
            var k = runs["ve-trained"].Kappa(n);
            double exact = experiment.Exact[n - 1];
            report.Add(new ClaimCheck($"trained-ve-kappa{n}", ClaimReport.Format(exact),
                $"{ClaimReport.Format(k.Value)} ± {ClaimReport.Format(k.StandardError)}", "1%",
                Math.Abs(k.Value - exact) <= 0.01 * Math.Abs(exact), Checked: enforceTrained));
        }
        return target;
    }

    static void AllWithin(ClaimReport report, string name, CumulantTrack track, int order, Func<CumulantTrackPoint, bool> include)
    {
        var points = track.OfOrder(order).Where(include).ToArray();
        var worst = points.MaxBy(p => Math.Abs(p.Estimate.Value - p.Analytic) / p.Estimate.StandardError);
        double deviation = worst is { } w ? Math.Abs(w.Estimate.Value - w.Analytic) / w.Estimate.StandardError : double.NaN;
        bool holds = points.Length > 0 && deviation <= 4;
        string measured = worst is { } v
            ? string.Create(CultureInfo.InvariantCulture, $"worst of {points.Length} times: t = {v.Time:G4}, {ClaimReport.Format(v.Estimate.Value)} ± {ClaimReport.Format(v.Estimate.StandardError)} vs {ClaimReport.Format(v.Analytic)} ({deviation:F2} SE)")
            : "no time qualifies";
        report.Add(new ClaimCheck(name, $"κ{order}(t) = a(t)^{order}κ{order}(0){(order == 2 ? " + b(t)²" : "")} at every t", measured, "4 SE", holds));
    }
}
