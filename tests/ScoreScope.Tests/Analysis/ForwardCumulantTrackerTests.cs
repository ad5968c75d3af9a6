using ScoreScope.Analysis;
using ScoreScope.Data;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Analysis;

public sealed class ForwardCumulantTrackerTests
{
    const ulong Seed = 211028;
    const long Count = 1_000_000;

    static readonly double[] ToyCumulants = [.. Enumerable.Range(1, 8).Select(n => new DoublePeakDistribution().ExactCumulant(n))];

    [Fact]
    public void Analytic_law_reproduces_the_papers_vp_table()
    {
        // docs/science/cumulants.md §5, oracle 2 (Aarts et al. 2024 code, σ = 10).
        var vp = VariancePreservingProcess.WithDiffusionBase(10);
        // Printed values; tolerance half a unit in the last printed digit.
        var expected = new Dictionary<double, string[]>
        {
            [0.05] = ["1.0591", "-1.7873", "13.517", "-217.22"],
            [0.2] = ["1.0450", "-1.0372", "5.976", "-73.16"],
            [0.5] = ["1.0089", "-0.0401", "0.0455", "-0.110"],
        };
        foreach (var (t, row) in expected)
        {
            var k = ForwardCumulantLaw.Predict(vp, t, ToyCumulants);
            for (int i = 0; i < 4; i++)
            {
                double printed = double.Parse(row[i], System.Globalization.CultureInfo.InvariantCulture);
                double halfUnit = 0.5 * Math.Pow(10, -(row[i].Length - row[i].IndexOf('.') - 1));
                double v = k[2 * i + 1];
                Assert.True(Math.Abs(v - printed) <= halfUnit, $"t = {t}: κ_{2 * i + 2} = {v}, table {row[i]}");
            }
        }
        var ve = VarianceExplodingProcess.WithDiffusionBase(10);
        Assert.Equal(22.5601, ForwardCumulantLaw.Predict(ve, 1, ToyCumulants)[1], 4);
        Assert.Equal(-2.0, ForwardCumulantLaw.Predict(ve, 0.7, ToyCumulants)[3], 14);
        Assert.Equal(2.5, ForwardCumulantLaw.PredictJoint(ve, 1, [3, 3], 2.5 - ve.B(1) * ve.B(1)), 12);
        Assert.Equal(0.7, ForwardCumulantLaw.PredictJoint(ve, 1, [3, 4], 0.7), 14);
    }

    [Fact]
    public void Ve_forward_conserves_the_fourth_cumulant_of_the_toy_model()
    {
        var times = Enumerable.Range(0, 51).Select(i => i / 50.0).ToArray();
        var track = Run(VarianceExplodingProcess.WithDiffusionBase(10), times, "ve");
        Assert.Equal(Count, track.Count);
        int checkedTimes = 0;
        foreach (var p in track.OfOrder(4))
        {
            Assert.Equal(-2.0, p.Analytic, 12);
            if (p.Estimate.StandardError >= 0.1) continue;
            checkedTimes++;
            Assert.True(Math.Abs(p.Estimate.Value + 2) < 4 * p.Estimate.StandardError, $"VE t = {p.Time}: κ_4 = {p.Estimate} vs −2 (4 SE)");
        }
        Assert.True(checkedTimes >= 25, $"only {checkedTimes} times had SE(κ_4) < 0.1");
        foreach (var p in track.OfOrder(2))
            Assert.True(Math.Abs(p.Estimate.Value - p.Analytic) < 4 * p.Estimate.StandardError, $"VE t = {p.Time}: κ_2 = {p.Estimate} vs {p.Analytic} (4 SE)");
    }

    [Fact]
    public void Vp_forward_follows_the_analytic_decay()
    {
        var times = Enumerable.Range(0, 51).Select(i => i / 50.0).ToArray();
        var vp = VariancePreservingProcess.WithDiffusionBase(10);
        var track = Run(vp, times, "vp");
        Assert.Equal(51 * 8, track.Points.Count);
        foreach (var p in track.Points.Where(p => p.Order is 2 or 4))
            Assert.True(Math.Abs(p.Estimate.Value - p.Analytic) < 4 * p.Estimate.StandardError, $"VP t = {p.Time}: κ_{p.Order} = {p.Estimate} vs analytic {p.Analytic} (4 SE)");
        var at02 = track.Points.Where(p => Math.Abs(p.Time - 0.2) < 1e-12).ToDictionary(p => p.Order);
        Assert.Equal(1.0450, at02[2].Analytic, 4);
        Assert.Equal(-1.0372, at02[4].Analytic, 4);
        Assert.StartsWith("t,order,value,jackknife_se,bootstrap_se,analytic\n0,1,", track.ToCsv());
    }

    static CumulantTrack Run(ForwardProcess process, double[] times, string purpose)
    {
        var toy = new DoublePeakDistribution();
        using var g = Seeds.Generator(Seeds.Derive(Seed, purpose));
        using var x0 = toy.Sample(Count, g);
        return ForwardCumulantTracker.Track(x0, process, times, g, CumulantObservable.Site, ToyCumulants,
            options: new CumulantOptions(BootstrapReplicates: 20));
    }
}
