using System.Globalization;
using System.Text.Json;
using ScoreScope.Analysis;
using ScoreScope.Experiments.Plotting;
using ScoreScope.IO;

namespace ScoreScope.Experiments.Cumulants;

/// <summary>
/// Turns the tracked runs of <see cref="CumulantsToyRun"/> into the run folder's claims (checks.csv/json),
/// final table (cumulants.csv), plots (one relative-deviation and one track plot per run) and metrics.json.
/// </summary>
public static class CumulantsToyReport
{
    /// <summary>The runs in table and plot order.</summary>
    public static readonly string[] RunOrder = ["forward-ve", "forward-vp", "ve-exact", "vp-exact", "ve-trained", "vp-trained"];

    /// <summary>Writes every report file into <paramref name="folder"/>; returns the claims and the table.</summary>
    public static (ClaimReport Claims, FinalCumulantTable Table) Write(string folder, CumulantsToyRun experiment,
        IReadOnlyDictionary<string, TrackedRun> runs, double totalSeconds, bool enforceTrained)
    {
        var claims = new ClaimReport();
        var veTarget = CumulantsToyClaims.Add(claims, experiment, runs, enforceTrained);
        claims.Write(folder);

        var table = new FinalCumulantTable(experiment.Exact);
        table.AddExact("exact p0", experiment.Exact);
        table.AddExact("ve normal-prior q0 (quadrature)", veTarget);
        foreach (string name in new[] { "data", "ve-exact", "vp-exact", "ve-trained", "vp-trained" }) table.Add(runs[name]);
        File.WriteAllText(Path.Combine(folder, "cumulants.csv"), table.ToCsv());

        foreach (string name in RunOrder)
        {
            var series = FinalCumulantTable.Orders.Select(n => ToSeries(runs[name].Track, n)).ToArray();
            string label = name.StartsWith("forward", StringComparison.Ordinal) ? name : $"backward {name}";
            CumulantTrackPlot.WriteRelativeDeviation(Path.Combine(folder, $"{name}-relative.png"), series, $"{label}: κ_n/κ_n^exact − 1 (±1 SE)");
            CumulantTrackPlot.WriteTracks(Path.Combine(folder, $"{name}-tracks.png"), series, label);
        }

        var metrics = new Dictionary<string, object?>
        {
            ["total-seconds"] = totalSeconds,
            ["stage-seconds"] = experiment.StageSeconds,
            ["claims-hold"] = claims.Claims.Count(c => c.Holds),
            ["claims"] = claims.Claims.Count,
            ["final"] = runs.Where(r => !r.Key.StartsWith("forward", StringComparison.Ordinal)).ToDictionary(r => r.Key, r => new
            {
                samples = r.Value.Count,
                kappa = FinalCumulantTable.Orders.ToDictionary(n => $"kappa{n}", n => new
                {
                    value = r.Value.Kappa(n).Value,
                    jackknife_se = r.Value.Kappa(n).JackknifeError,
                    bootstrap_se = r.Value.Kappa(n).BootstrapError,
                }),
            }),
            ["training"] = experiment.Training.ToDictionary(t => t.Key, t => t.Value is null ? null : new
            {
                step = t.Value.Step,
                train_loss = t.Value.TrainLoss,
                held_out_loss_ema = t.Value.HeldOutLossEma,
            }),
            ["score-relative-error"] = experiment.ScoreErrors.ToDictionary(e => e.Key,
                e => e.Value.ToDictionary(p => p.Time.ToString("R", CultureInfo.InvariantCulture), p => p.RelativeError)),
        };
        File.WriteAllText(Path.Combine(folder, "metrics.json"),
            JsonSerializer.Serialize(metrics, RunJson.Options) + "\n");
        return (claims, table);
    }

    /// <summary>The notes shown after the table: what the sample size resolves for the trained-VE 1% claim.</summary>
    public static IReadOnlyList<string> Notes(IReadOnlyDictionary<string, TrackedRun> runs)
    {
        var k4 = runs["ve-trained"].Kappa(4);
        var k6 = runs["ve-trained"].Kappa(6);
        return [string.Create(CultureInfo.InvariantCulture,
            $"Resolution of the trained-VE 1% claim: SE(κ4) = {100 * k4.StandardError / 2:F2}% and SE(κ6) = {100 * k6.StandardError / 16:F2}% of exact with {runs["ve-trained"].Count} reflected samples.")];
    }

    static CumulantTrackPlot.Series ToSeries(CumulantTrack track, int order)
    {
        var points = track.OfOrder(order).ToArray();
        return new CumulantTrackPlot.Series(order, [.. points.Select(p => p.Time)], [.. points.Select(p => p.Estimate.Value)],
            [.. points.Select(p => p.Estimate.StandardError)], [.. points.Select(p => p.Analytic)]);
    }
}
