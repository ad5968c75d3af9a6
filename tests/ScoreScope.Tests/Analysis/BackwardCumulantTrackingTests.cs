using ScoreScope.Analysis;
using ScoreScope.Data;
using ScoreScope.Processes;
using ScoreScope.Sampling;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Analysis;

public sealed class BackwardCumulantTrackingTests
{
    const ulong Seed = 2410_21212;

    [Fact]
    [Trait("Category", "Statistical")]
    public void Exact_score_vp_backward_rebuilds_the_toy_cumulants_along_the_analytic_curve()
    {
        // Aarts et al. 2024: VP with g = 10^t, exact tanh score, Euler–Maruyama with 1000 uniform steps from N(0, 1)
        // down to t = 1e-3. 4·10⁴ samples in batches of 20 000; cumulants recorded every 50 steps through the
        // sampler callback. At each recorded t ≤ 0.5, κ_2 and κ_4 must match a(t)ⁿκ_n(0) + δ_{n2}b(t)² within 4 SE.
        const long count = 40_000;
        var toy = new DoublePeakDistribution();
        var vp = VariancePreservingProcess.WithDiffusionBase(10);
        double[] exact = [.. Enumerable.Range(1, 8).Select(toy.ExactCumulant)];
        var recorder = new CumulantRecorder(CumulantObservable.Site, CumulantRecorder.EveryKthStep(50), new CumulantOptions(MinimumBlockSize: 256, BootstrapReplicates: 0), order: 6);
        var times = TimeGrid.Uniform(vp, 1000, minimumTime: 1e-3);
        var options = new SamplingOptions(Seed) { BatchSize = 20_000, OnStep = s => recorder.Record(s.Index, s.Time, s.X) };
        using var final = SamplerRunner.Sample(new EulerMaruyamaSampler(), toy.ScoreFunction(vp), vp, count, [1], times, options);
        recorder.Record(times.Length - 1, times[^1], final);
        var track = recorder.ToTrack(t => ForwardCumulantLaw.Predict(vp, t, exact));
        Assert.Equal(count, track.Count);
        var checkedPoints = track.Points.Where(p => p.Time <= 0.5 && p.Order is 2 or 4).ToArray();
        Assert.True(checkedPoints.Length >= 20, $"only {checkedPoints.Length} checked points");
        foreach (var p in checkedPoints)
            Assert.True(Math.Abs(p.Estimate.Value - p.Analytic) < 4 * p.Estimate.StandardError,
                $"backward VP t = {p.Time}: κ_{p.Order} = {p.Estimate} vs analytic {p.Analytic} (4 SE, N = {count})");
        var k6 = track.Points.Last(p => p.Order == 6);
        Assert.True(Math.Abs(k6.Estimate.Value - 16) < 4 * k6.Estimate.StandardError, $"final κ_6 = {k6.Estimate} vs 16 (4 SE)");
    }
}
