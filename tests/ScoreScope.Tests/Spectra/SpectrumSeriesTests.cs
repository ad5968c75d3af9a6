using ScoreScope.Data;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Spectra;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Spectra;

public sealed class SpectrumSeriesTests
{
    const ulong Seed = 20241008;

    // docs/science/spectral-gaps.md §3 and oracle 10: D = 100, d = 40, σ = 1, δ = ½ gives m̂ = 40 for t ≤ 0.1.
    [Fact]
    public void Exact_score_gives_dimension_forty_for_every_squared_noise_to_signal_up_to_a_tenth()
    {
        var process = VarianceExplodingProcess.Geometric();
        using var data = SubspaceGaussianDistribution.RandomFactor(100, [new VarianceBlock(40, 1.0)], Seeds.Generator(Seed));
        double[] variances = [1e-4, 1e-3, 1e-2, 0.03, 0.1];
        var times = variances.Select(v => process.TimeAtNoiseToSignal(Math.Sqrt(v))).ToArray();
        using var scope = NewDisposeScope();
        var spectra = times.Select(t => JacobianSpectrum.NormalisedSingularValues(ScoreJacobians.Exact(data, process, t, 2), process.B(t) * process.B(t))).ToArray();
        var series = SpectrumSeries.Create(times, times.Select(t => process.B(t) * process.B(t)).ToArray(), spectra, singularValues: true);
        Assert.All(series.Dimension, m => Assert.Equal(40.0, m));
        Assert.All(series.SquaredNoiseToSignal.Zip(variances), p => Assert.Equal(p.Second, p.First, 1e-12));
    }

    // docs/science/spectral-gaps.md §2.3: Δ_inter(t) = t(b − a)/((t + a)(t + b)) peaks at √(ab).
    [Fact]
    public void Gap_peak_of_the_exact_intermediate_gap_is_the_geometric_mean_of_the_inner_edges()
    {
        const double a = 0.15, b = 0.33;
        var t = Enumerable.Range(0, 31).Select(i => 0.01 * Math.Pow(100, i / 30.0)).ToArray();
        var width = t.Select(v => v * (b - a) / ((v + a) * (v + b))).ToArray();
        var peak = GapPeak.Locate(t, width);
        Assert.True(peak.Refined);
        Assert.True(Math.Abs(peak.Time / Math.Sqrt(a * b) - 1) < 0.01, $"t_max = {peak.Time:G5}, √(ab) = {Math.Sqrt(a * b):G5}");
    }

    [Fact]
    public void Gaps_above_a_threshold_are_found_widest_first()
    {
        var gaps = GapDetection.Detect([-1, -1, -0.6, -0.55, -0.2, -0.1], 0.3);
        Assert.Equal([2, 4], gaps.Select(g => g.CountBelow).ToArray());
        Assert.Equal(0.4, gaps[0].Width, 12);
        Assert.Equal(0.35, gaps[1].Width, 12);
        Assert.Equal(2, DimensionEstimate.Estimate([-1, -1, -0.6, -0.55, -0.2, -0.1]));
    }
}
