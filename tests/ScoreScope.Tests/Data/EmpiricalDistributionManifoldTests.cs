using Xunit.Abstractions;
using ScoreScope.Data;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Data;

public sealed class EmpiricalDistributionManifoldTests(ITestOutputHelper output)
{
    const ulong Seed = 20230119;

    static readonly VariancePreservingProcess OrnsteinUhlenbeck = VariancePreservingProcess.OrnsteinUhlenbeck(1);

    /// <summary>Three points on the unit circle at 0°, 120°, 240° (docs/science/03 §5.3 "3 points").</summary>
    static EmpiricalDistribution ThreePoints() => EmpiricalDistribution.FromArrays(
        [1.0, 0.0], [Math.Cos(2 * Math.PI / 3), Math.Sin(2 * Math.PI / 3)], [Math.Cos(4 * Math.PI / 3), Math.Sin(4 * Math.PI / 3)]);

    [Fact]
    public void Monte_carlo_score_energy_gives_codimension_two_and_denoising_error_vanishes()
    {
        const int count = 100_000;
        double t = 1e-3, a = OrnsteinUhlenbeck.A(t), b = OrnsteinUhlenbeck.B(t);
        using var p = ThreePoints();
        using var g = Seeds.Generator(Seed);
        using var x0 = p.Sample(count, g);
        using var x = x0 * a + randn([count, 2], dtype: ScalarType.Float64, generator: g) * b;
        Assert.Equal(count, x.shape[0]);
        using var energy = p.Score(x, a, b).square().sum(1) * t;
        using var error = (p.PosteriorMean(x, a, b) - x0).square().sum(1) / t;
        double e = energy.mean().item<double>(), eSe = energy.std().item<double>() / Math.Sqrt(count);
        double d = error.mean().item<double>();
        output.WriteLine($"3 points, t = {t}: t·E|S|² = {e:F4} ± {eSe:F4}, E|f − x₀|²/t = {d:G4}");
        Assert.True(Math.Abs(e - 2) <= 0.05 * 2, $"t·E|S|² = {e:F4} ± {eSe:F4} (1 SE), codimension 2");
        Assert.True(d <= 0.05, $"E|f − x₀|²/t = {d:G4}, intrinsic dimension 0 (exponentially small)");
    }

    [Fact]
    public void Score_equals_the_gradient_of_the_log_density()
    {
        // Autograd through the torch log-density (logsumexp), float64.
        using var p = ThreePoints();
        using var g = Seeds.Generator(Seed);
        foreach (double t in new[] { 1.0, 0.1, 0.01 })
        {
            double a = OrnsteinUhlenbeck.A(t), b = OrnsteinUhlenbeck.B(t);
            using var x = (randn([64, 2], dtype: ScalarType.Float64, generator: g) * 0.7).requires_grad_(true);
            using var logp = p.LogDensity(x, a, b).sum();
            var grad = autograd.grad([logp], [x])[0];
            using var s = p.Score(x.detach(), a, b);
            double error = (grad - s).abs().max().item<double>(), scale = s.abs().max().item<double>();
            Assert.True(error <= 1e-10 * scale, $"t = {t}: max |∇log p − score| = {error:G3}, max |score| {scale:G3}");
        }
    }

    [Fact]
    public void Posterior_mean_stays_in_the_convex_hull_and_nothing_is_infinite_down_to_t_ten_to_minus_eight()
    {
        using var p = ThreePoints();
        using var line = linspace(-3.0, 3.0, 100, dtype: ScalarType.Float64);
        var mesh = meshgrid([line, line], indexing: "ij");
        using var x = stack([mesh[0].flatten(), mesh[1].flatten()], 1);
        Assert.Equal(10_000, x.shape[0]);
        foreach (double t in new[] { 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10 })
        {
            double a = OrnsteinUhlenbeck.A(t), b = OrnsteinUhlenbeck.B(t);
            using var f = p.PosteriorMean(x, a, b);
            using var s = p.Score(x, a, b);
            using var logp = p.LogDensity(x, a, b);
            double largest = f.norm(1).max().item<double>();
            Assert.True(largest <= 1.0 + 1e-15, $"t = {t}: max |f| = {largest:R} > max|x₀| = 1");
            Assert.True(s.isfinite().all().item<bool>() && logp.isfinite().all().item<bool>() && f.isfinite().all().item<bool>(),
                $"t = {t}: non-finite score, log-density or posterior mean");
        }
    }

    [Fact]
    public void Distance_and_projection_pick_the_nearest_point()
    {
        using var p = ThreePoints();
        using var x = tensor(new[] { 2.0, 0.0, -0.5, 0.9 }, dtype: ScalarType.Float64).reshape(2, 2);
        using var d = p.Distance(x);
        using var y = p.Project(x);
        Assert.Equal(1.0, d[0].item<double>(), 14);
        Assert.Equal(Math.Sqrt(0.9 * 0.9 + 0.75 - 2 * 0.9 * Math.Sqrt(0.75)), d[1].item<double>(), 14);
        Assert.Equal(-0.5, y[1, 0].item<double>(), 14);
        Assert.Equal(0, p.IntrinsicDimension);
    }

    [Fact]
    public void Posterior_mean_between_two_close_points_far_from_the_mean_is_exact_at_small_noise()
    {
        // Points (−1000, 0), (1000, 0), (1000, 1): at x = (1000, ½) the two near points are equidistant, so by symmetry
        // E[x₀ | x] = (1000, ½) and the score's second coordinate is 0. The GEMM expansion's logits are ~|x̃||ỹ|/b² ≈ 10¹⁰
        // with rounding ~10⁻⁶, which would move the weights by ~10⁻⁶; explicit differences keep them exact.
        using var p = EmpiricalDistribution.FromArrays([-1000.0, 0.0], [1000.0, 0.0], [1000.0, 1.0]);
        using var x = tensor(new[] { 1000.0, 0.5 }, dtype: ScalarType.Float64).reshape(1, 2);
        foreach (double b in new[] { 0.05, 0.01 })
        {
            using var f = p.PosteriorMean(x, 1.0, b);
            using var s = p.Score(x, 1.0, b);
            double mean = f[0, 1].item<double>(), score = s[0, 1].item<double>();
            output.WriteLine($"b = {b}: E[x₀ | x]₂ − ½ = {mean - 0.5:G3}, score₂ = {score:G3}");
            Assert.True(Math.Abs(mean - 0.5) <= 1e-12, $"b = {b}: E[x₀ | x]₂ = {mean:R}, expected ½ within 1e-12");
            Assert.True(Math.Abs(score) <= 1e-12 / (b * b), $"b = {b}: score₂ = {score:R}, expected 0 within 1e-12/b²");
        }
    }

    [Fact]
    public void Invalid_weights_are_rejected_with_their_values()
    {
        using var points = zeros(2, 2, dtype: ScalarType.Float64);
        using var w = tensor(new[] { 1.0, -2.0 }, dtype: ScalarType.Float64);
        // EmpiricalDistribution takes strictly positive weights; the message names the smallest.
        var e = Assert.Throws<ArgumentException>(() => new EmpiricalDistribution(points, w));
        Assert.Contains("-2", e.Message);
    }
}
