using ScoreScope.Analysis;
using ScoreScope.Data;
using ScoreScope.Processes;

namespace ScoreScope.Tests.Analysis;

public sealed class PriorMismatchCumulantsTests
{
    [Fact]
    public void Ve_normal_prior_end_point_matches_the_science_notes_doob_transform_values()
    {
        // Science note 01, §2 (independent quadrature): q₀ for VE g = 10^t from N(0, σ₁²) has
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
}
