using ScoreScope.Data;
using ScoreScope.Processes;
using ScoreScope.Sampling;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Sampling;

/// <summary>
/// The final projection <see cref="SamplingOptions.DenoiseFinal"/>: returning x̂₀(x_{t_min}) instead of x_{t_min} puts
/// samples of manifold data on the manifold (docs/science/singular-scores.md §3.5).
/// </summary>
public sealed class SamplingOptionsTests
{
    const ulong Seed = 6;

    [Fact]
    public void Final_projection_puts_circle_samples_on_the_circle()
    {
        using var scope = NewDisposeScope();
        var circle = UniformSphereDistribution.Circle();
        var process = VariancePreservingProcess.OrnsteinUhlenbeck(10.0); // unit-rate OU to τ = 10
        const double minimumTime = 1e-5;                                  // τ_min = 1e-4, b ≈ 0.01
        var times = TimeGrid.Geometric(process, 60, minimumTime);
        const int n = 512;
        var score = circle.ScoreFunction(process);
        var raw = SamplerRunner.Sample(new EulerMaruyamaSampler(), score, process, n, [2], times, new SamplingOptions(Seed));
        var projected = SamplerRunner.Sample(new EulerMaruyamaSampler(), score, process, n, [2], times, new SamplingOptions(Seed) { DenoiseFinal = true });
        Assert.Equal(n, projected.shape[0]);
        var rawDistance = circle.Distance(raw);
        var projectedDistance = circle.Distance(projected);
        // x̂₀ = A(κ)·x/|x| with 1 − A(κ) ≈ 1/(2κ), κ = a|x|/b² ≈ 10⁴ near M: within ~5e-5 of the circle.
        double worst = projectedDistance.max().item<double>();
        Assert.True(worst < 1e-3, $"max dist(x̂₀(x_t_min), M) = {worst:R}");
        // Without it the leftover noise keeps them at ~0.67·b ≈ 0.007 (median of |N(0, b²)|).
        double rawMedian = rawDistance.median().item<double>();
        Assert.True(rawMedian > 10 * projectedDistance.median().item<double>(), $"median dist without projection {rawMedian:R}");
    }
}
