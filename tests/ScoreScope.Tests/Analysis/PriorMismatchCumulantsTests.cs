using ScoreScope.Analysis;
using ScoreScope.Data;
using ScoreScope.Processes;
using ScoreScope.Sampling;

namespace ScoreScope.Tests.Analysis;

public sealed class PriorMismatchCumulantsTests
{
    [Fact]
    public void Ve_normal_prior_end_point_matches_the_science_notes_doob_transform_values()
    {
        // docs/science/cumulants.md §2 (independent quadrature): q₀ for VE g = 10^t from N(0, σ₁²) has
        // (κ2, κ4, κ6, κ8) = (1.06223, −1.99895, 15.9874, −271.715) to the digits printed.
        var k = PriorMismatchCumulants.Evaluate(new DoublePeakDistribution(), VarianceExplodingProcess.WithDiffusionBase(10));
        Assert.Equal(1.06223, k[1], 5);
        Assert.Equal(-1.99895, k[3], 5);
        Assert.Equal(15.9874, k[5], 4);
        Assert.Equal(-271.715, k[7], 3);
        Assert.Equal(0.0, k[0], 12);
    }

    [Fact]
    public void The_exact_prior_gives_back_the_data_cumulants()
    {
        // VP with σ = 10 ends at p_1 = N(0, 1) up to a(1) = 2·10⁻⁵, so the normal prior is (numerically) the true
        // p_1 and q₀ = p₀: (1.0625, −2, 16, −272) to quadrature accuracy.
        var toy = new DoublePeakDistribution();
        var k = PriorMismatchCumulants.Evaluate(toy, VariancePreservingProcess.WithDiffusionBase(10));
        foreach (int n in new[] { 2, 4, 6, 8 })
            Assert.True(Math.Abs(k[n - 1] - toy.ExactCumulant(n)) < 1e-8 * Math.Abs(toy.ExactCumulant(n)), $"κ_{n} = {k[n - 1]} vs {toy.ExactCumulant(n)}");
    }

    [Fact]
    [Trait("Category", "Statistical")]
    public void Exact_score_ve_backward_from_the_normal_prior_ends_at_the_doob_transform()
    {
        // Euler–Maruyama, 1000 uniform steps from t = 1 to 0, exact tanh score, x_1 ~ N(0, σ₁²): the final κ2, κ4, κ6
        // must match q₀ within 4 SE at N = 4·10⁴ (SE(κ4) ≈ 0.012; the O(h) discretisation bias is ≈ 0.007 at h = 10⁻³).
        const long count = 40_000;
        const ulong seed = 2410_21212;
        var toy = new DoublePeakDistribution();
        var ve = VarianceExplodingProcess.WithDiffusionBase(10);
        var target = PriorMismatchCumulants.Evaluate(toy, ve);
        double[] times = [.. Enumerable.Range(0, 1001).Select(i => 1 - i / 1000.0)];
        times[^1] = 0;
        using var final = SamplerRunner.Sample(new EulerMaruyamaSampler(), toy.ScoreFunction(ve), ve, count, [1], times,
            new SamplingOptions(seed) { BatchSize = 20_000 });
        var summary = CumulantObservable.Site.Summarize(final, new CumulantOptions(MinimumBlockSize: 256, BootstrapReplicates: 0));
        Assert.Equal(count, summary.Count);
        foreach (int n in new[] { 2, 4, 6 })
        {
            var k = summary.Kappa(n);
            Assert.True(k.Deviation(target[n - 1]) < 4, $"κ{n} = {k} vs q₀ {target[n - 1]} (4 SE, N = {count})");
        }
    }
}
