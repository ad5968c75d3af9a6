using ScoreScope.Analysis;
using ScoreScope.Data;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Data;

public sealed class DoublePeakDistributionTests
{
    const ulong Seed = 1616;

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(1.0, 0.3)]
    [InlineData(0.4, 0.9)]
    [InlineData(1e-3, 1.0)]
    public void Score_is_the_gradient_of_the_log_density(double a, double b)
    {
        using var scope = NewDisposeScope();
        var p = new DoublePeakDistribution(dimension: 3);
        var x = linspace(-3, 3, 60, dtype: ScalarType.Float64).reshape(-1, 3).detach().requires_grad_(true);
        var logp = p.LogDensity(x, a, b);
        logp.sum().backward();
        double diff = (x.grad! - p.Score(x.detach(), a, b)).abs().max().item<double>();
        Assert.True(diff < 1e-10, $"max |autograd − tanh score| = {diff} at a = {a}, b = {b}");
    }

    [Fact]
    public void Log_density_integrates_to_one()
    {
        using var scope = NewDisposeScope();
        var p = new DoublePeakDistribution();
        var x = linspace(-8, 8, 160_001, dtype: ScalarType.Float64);
        double integral = trapezoid(p.LogDensity(x.unsqueeze(1), 0.7, 0.2).exp(), x).item<double>();
        Assert.True(Math.Abs(integral - 1) < 1e-10, $"∫ p_t = {integral}");
    }

    [Fact]
    public void Exact_cumulants_follow_from_the_exact_moments()
    {
        var p = new DoublePeakDistribution(mu: 1.3, sigma0: 0.4);
        Span<double> m = stackalloc double[9];
        for (int n = 0; n <= 8; n++) m[n] = p.ExactMoment(n);
        var k = CumulantRelations.CumulantsFromCentralMoments(m);
        for (int n = 2; n <= 8; n++)
            Assert.True(Math.Abs(k[n - 1] - p.ExactCumulant(n)) < 1e-10 * Math.Max(1, Math.Abs(p.ExactCumulant(n))), $"κ_{n}: from moments {k[n - 1]}, closed form {p.ExactCumulant(n)}");
        var toy = new DoublePeakDistribution();
        Assert.Equal([1.0625, -2, 16, -272], new[] { 2, 4, 6, 8 }.Select(toy.ExactCumulant));
        Assert.Equal(3 * Math.Pow(0.25, 4) + 6 * 0.0625 + 1, toy.ExactMoment(4), 14);
    }

    [Fact]
    public void Sample_cumulants_match_the_exact_ones()
    {
        const long count = 1_000_000;
        var p = new DoublePeakDistribution();
        using var g = Seeds.Generator(Seed);
        using var x = p.Sample(count, g);
        var s = SampleCumulants.Site(x);
        Assert.Equal(count, s.Count);
        for (int n = 1; n <= 8; n++)
        {
            var k = s.Kappa(n);
            Assert.True(Math.Abs(k.Value - p.ExactCumulant(n)) < 4 * k.StandardError, $"κ_{n} = {k} vs exact {p.ExactCumulant(n)} (4 SE)");
        }
    }

    [Fact]
    public void Posterior_mean_is_consistent_with_the_exponential_vp_process()
    {
        // E[x₀ | x_t] for the mixture: μ tanh(aμx/s²)·(b²/s²)... checked against Tweedie at a VP time of the paper's process.
        using var scope = NewDisposeScope();
        var p = new DoublePeakDistribution();
        var vp = VariancePreservingProcess.WithDiffusionBase(10);
        double a = vp.A(0.2), b = vp.B(0.2);
        var x = linspace(-2, 2, 9, dtype: ScalarType.Float64).unsqueeze(1);
        double s2 = a * a * 0.0625 + b * b;
        // Closed form: E[x₀|x] = (aσ₀²x + b²μ tanh(aμx/s²))/s².
        var expected = x.Multiply(a * 0.0625).Add((x.Multiply(a / s2)).tanh().Multiply(b * b)).Divide(s2);
        double diff = (p.PosteriorMean(x, a, b) - expected).abs().max().item<double>();
        Assert.True(diff < 1e-12, $"max |posterior mean − closed form| = {diff}");
    }
}
