using ScoreScope.Analysis;
using ScoreScope.Data;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Analysis;

public sealed class SingularScoreDiagnosticsTests
{
    const ulong Seed = 20230119;

    static readonly VariancePreservingProcess OrnsteinUhlenbeck = VariancePreservingProcess.OrnsteinUhlenbeck(1);

    [Fact]
    public void Score_energy_blows_up_with_exponent_minus_one_and_prefactor_the_codimension()
    {
        // E|∇log p_t|² ≈ k/b² on S² ⊂ R³ (k = 1): fitted exponent in b² is −1 within 4 SE of the fit plus 2%.
        var p = new UniformSphereDistribution(3);
        using var g = Seeds.Generator(Seed);
        var times = new[] { 1e-2, 3e-3, 1e-3, 3e-4, 1e-4 };
        var noise = times.Select(t => Math.Pow(OrnsteinUhlenbeck.B(t), 2)).ToArray();
        var energy = new double[times.Length];
        for (int i = 0; i < times.Length; i++)
        {
            var e = SingularScoreDiagnostics.ScaledScoreEnergy(p, OrnsteinUhlenbeck, times[i], 20_000, g);
            Assert.Equal(20_000, e.Count);
            Assert.True(Math.Abs(e.Mean - 1) <= 4 * e.StandardError + 0.02, $"t = {times[i]}: b²E|s|² = {e}");
            energy[i] = e.Mean / noise[i];
        }
        var fit = PowerLawFit.Fit(noise, energy);
        Assert.True(Math.Abs(fit.Exponent + 1) <= 4 * fit.ExponentStandardError + 0.02, $"exponent {fit}");
    }

    [Fact]
    public void Denoising_error_over_noise_variance_gives_the_intrinsic_dimension()
    {
        var p = new UniformSphereDistribution(3);
        using var g = Seeds.Generator(Seed);
        var e = SingularScoreDiagnostics.ScaledDenoisingError(p, OrnsteinUhlenbeck, 1e-4, 20_000, g);
        Assert.True(Math.Abs(e.Mean - 2) <= 4 * e.StandardError + 0.01, $"E|f − x₀|²/b² = {e}, d = 2 (4 SE + 0.5% bias allowance)");
    }

    [Fact]
    public void Scaled_score_along_a_normal_ray_tends_to_the_signed_distance()
    {
        var circle = UniformSphereDistribution.Circle();
        var score = circle.ScoreFunction(OrnsteinUhlenbeck);
        using var y = tensor(new[] { 0.0, 1.0 }, dtype: ScalarType.Float64);
        var offsets = new[] { -0.5, -0.1, 0.1, 0.5 };
        var profile = SingularScoreDiagnostics.SignedDistanceProfile(score, OrnsteinUhlenbeck, 1e-6, y, y, offsets);
        for (int i = 0; i < offsets.Length; i++)
            Assert.True(Math.Abs(profile[i] - offsets[i]) < 1e-5, $"δ = {offsets[i]}: b²·S·u = {profile[i]:R}");
    }

    [Fact]
    public void Normal_part_of_score_and_jacobian_blow_up_while_tangent_parts_stay_bounded()
    {
        var circle = UniformSphereDistribution.Circle();
        double t = 1e-4, a = OrnsteinUhlenbeck.A(t), b = OrnsteinUhlenbeck.B(t);
        using var x = tensor(new[] { 1.1, 0.0, 0.0, 0.95 }, dtype: ScalarType.Float64).reshape(2, 2);
        using var s = circle.Score(x, a, b);
        var split = SingularScoreDiagnostics.SplitVectors(circle, x, s);
        Assert.True(Math.Abs(split.Normal[0].item<double>() * b * b - 0.1) < 1e-3, $"b²|P_N s| = {split.Normal[0].item<double>() * b * b}");
        Assert.True(split.Tangent.max().item<double>() < 1e-12, "the circle's score is radial");
        // On M (r = 1) the normal block is ≈ 1/b² and the tangent block is O(1) (|s_r|/r → 1). Off M the tangent
        // block is the curvature term |s_r|/r ≈ dist/(r b²): bounded only within O(b²) of M.
        using var points = tensor(new[] { 1.0, 0.0, 0.0, 1.0, 1.1, 0.0 }, dtype: ScalarType.Float64).reshape(3, 2);
        var jacobian = SingularScoreDiagnostics.SplitJacobian(circle, v => circle.Score(v, a, b), points, 1e-7);
        for (int i = 0; i < 3; i++)
        {
            double normal = jacobian.Normal[i].item<double>() * b * b, tangent = jacobian.Tangent[i].item<double>();
            Assert.True(Math.Abs(normal - 1) < 1e-2, $"point {i}: b²‖P_N J P_N‖ = {normal}, expected → 1 (codimension 1)");
            if (i < 2) Assert.True(tangent < 2, $"point {i}: ‖P_T J P_T‖ = {tangent}, expected O(1) on M");
        }
        double sr = -circle.Score(points, a, b)[2, 0].item<double>();
        Assert.True(Math.Abs(jacobian.Tangent[2].item<double>() - sr / 1.1) < 1e-3 * sr, "off M the tangent block is |s_r|/r");
    }
}
