using ScoreScope.Analysis;
using ScoreScope.Data;
using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Analysis;

public sealed class CumulantRecorderTests
{
    [Fact]
    public void Batched_recording_equals_one_pass_over_all_samples()
    {
        // A stand-in for a sampler callback: 4 batches × 3 steps of toy-model states, reported batch by batch.
        using var scope = NewDisposeScope();
        using var g = Seeds.Generator(99);
        var x = new DoublePeakDistribution(dimension: 2).Sample(80_000, g);
        var options = new CumulantOptions(MinimumBlockSize: 256, BootstrapReplicates: 10);
        var recorder = new CumulantRecorder(CumulantObservable.Mean, CumulantRecorder.EveryKthStep(2), options);
        for (int batch = 0; batch < 4; batch++)
            for (int step = 0; step < 3; step++)
                recorder.Record(step, 1.0 - step * 0.5, x.narrow(0, batch * 20_000, 20_000).Multiply(step + 1));
        var track = recorder.ToTrack(t => [0, 1, 2, 3, 4, 5, 6, 7]);
        Assert.Equal([1.0, 0.0], track.Points.Select(p => p.Time).Distinct());
        var direct = SampleCumulants.Mean(x.Multiply(3), options);
        var last = track.Points.Where(p => p.Time == 0.0).ToArray();
        for (int n = 1; n <= 8; n++)
        {
            Assert.True(Math.Abs(last[n - 1].Estimate.Value - direct.Kappa(n).Value) <= 1e-9 * Math.Max(1, Math.Abs(direct.Kappa(n).Value)),
                $"κ_{n}: recorded {last[n - 1].Estimate.Value}, direct {direct.Kappa(n).Value}");
            Assert.Equal(direct.Kappa(n).JackknifeError, last[n - 1].Estimate.JackknifeError, 9);
            Assert.Equal(n - 1, last[n - 1].Analytic);
        }
        Assert.Equal(80_000, track.Count);
    }
}
