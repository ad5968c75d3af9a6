using ScoreScope.Analysis;
using ScoreScope.Data;
using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Analysis;

public sealed class CircularUniformityTestTests
{
    const ulong Seed = 20230119;

    [Fact]
    public void Statistic_is_exact_for_a_small_sample()
    {
        // u = (0.1, 0.2, 0.9): D = max over i of (i+1)/n − u_i and u_i − i/n = 2/3 − 0.2 = 0.4667.
        var r = CircularUniformityTest.TestUniform([0.9, 0.1, 0.2]);
        Assert.Equal(2.0 / 3 - 0.2, r.Statistic, 14);
    }

    [Fact]
    public void Uniform_circle_samples_pass_and_clustered_angles_fail()
    {
        const int count = 10_000;
        using var g = Seeds.Generator(Seed);
        using var x = UniformSphereDistribution.Circle().Sample(count, g);
        var uniform = CircularUniformityTest.Test(x);
        Assert.Equal(count, uniform.Count);
        Assert.True(uniform.PValue > 1e-3, $"uniform samples: D = {uniform.Statistic:G4}, p = {uniform.PValue:G4}");
        using var clustered = x * tensor(new[] { 1.0, 0.5 }, dtype: ScalarType.Float64); // squashes angles towards 0 and π
        var skewed = CircularUniformityTest.Test(clustered);
        Assert.True(skewed.PValue < 1e-6, $"clustered: D = {skewed.Statistic:G4}, p = {skewed.PValue:G4}");
    }

    [Fact]
    public void P_value_matches_the_kolmogorov_distribution_at_known_points()
    {
        // Q_KS(1.3581) = 0.05 and Q_KS(1.6276) = 0.01 (Kolmogorov's asymptotic critical values); n large so the
        // Stephens correction is negligible at the 1e-3 level.
        int n = 1_000_000;
        var u = Enumerable.Range(0, n).Select(i => (i + 0.5) / n).ToArray();
        double shift = 1.3581 / Math.Sqrt(n);
        var r = CircularUniformityTest.TestUniform(u.Select(v => Math.Min(1, v + shift)).ToArray());
        Assert.True(Math.Abs(r.PValue - 0.05) < 1e-3, $"D = {r.Statistic:G6}, p = {r.PValue:G6}");
    }
}
