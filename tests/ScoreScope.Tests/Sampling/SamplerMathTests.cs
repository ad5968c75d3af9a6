using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Sampling;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Sampling;

public sealed class SamplerMathTests
{
    static Tensor Column(params double[] values) => tensor(values, dtype: ScalarType.Float64).reshape(values.Length, 1);

    [Fact]
    public void Ancestral_step_under_VP_is_the_DDPM_posterior_of_Ho_et_al_equation_7()
    {
        // ᾱ_t = a(t)², α_t = ᾱ_t/ᾱ_s, β_t = 1 − α_t: μ̃ = √ᾱ_s β_t/(1 − ᾱ_t)·x₀ + √α_t (1 − ᾱ_s)/(1 − ᾱ_t)·x_t,
        // β̃ = (1 − ᾱ_s)/(1 − ᾱ_t)·β_t
        var process = VariancePreservingProcess.WithBetaRange();
        double t = 0.4, s = 0.35;
        double barT = Math.Pow(process.A(t), 2), barS = Math.Pow(process.A(s), 2), alpha = barT / barS, beta = 1 - alpha;
        using var scope = NewDisposeScope();
        var x = Column(1.0, -2.0);
        var x0 = Column(0.3, 0.7);
        var z = Column(0.5, -1.5);
        var (next, mean) = SamplerMath.AncestralStep(process, x, x0, t, s, z);
        var expectedMean = x0.Multiply(Math.Sqrt(barS) * beta / (1 - barT)).Add(x.Multiply(Math.Sqrt(alpha) * (1 - barS) / (1 - barT)));
        double expectedSd = Math.Sqrt((1 - barS) / (1 - barT) * beta);
        Assert.True((mean - expectedMean).abs().max().item<double>() < 1e-14, "posterior mean differs from Ho et al. Eq. 7");
        Assert.True((next - mean - z.Multiply(expectedSd)).abs().max().item<double>() < 1e-14, "posterior standard deviation differs from √β̃");
    }

    [Fact]
    public void Ancestral_step_under_VE_is_SMLD_ancestral_sampling()
    {
        // a = 1: x_s = x + (σ_t² − σ_s²)·s + √(σ_s²(σ_t² − σ_s²)/σ_t²)·z with s = (x̂₀ − x)/σ_t²
        var process = VarianceExplodingProcess.Geometric(0.01, 100.0);
        double t = 0.6, s = 0.5, st2 = Math.Pow(process.B(t), 2), ss2 = Math.Pow(process.B(s), 2);
        using var scope = NewDisposeScope();
        var x = Column(3.0, -2.0);
        var x0 = Column(0.3, 0.7);
        var z = Column(0.5, -1.5);
        var (next, _) = SamplerMath.AncestralStep(process, x, x0, t, s, z);
        var expected = x.Add((x0 - x).Divide(st2).Multiply(st2 - ss2)).Add(z.Multiply(Math.Sqrt(ss2 * (st2 - ss2) / st2)));
        Assert.True((next - expected).abs().max().item<double>() < 1e-12, "VE ancestral step differs from SMLD's");
    }

    [Fact]
    public void Euler_Maruyama_step_integrates_the_reverse_drift_backwards()
    {
        var process = VariancePreservingProcess.WithBetaRange();
        double t = 0.5, s = 0.49, h = t - s, beta = process.Diffusion(t) * process.Diffusion(t);
        using var scope = NewDisposeScope();
        var x = Column(1.0, 2.0);
        var score = Column(-0.5, 0.25);
        var z = Column(1.0, -1.0);
        var (next, mean) = SamplerMath.EulerMaruyamaStep(process, x, score, t, s, z);
        // f(t) = −β/2: x − (−β/2·x − β·s)·h + √(βh)·z
        var expectedMean = x.Add(x.Multiply(beta / 2).Add(score.Multiply(beta)).Multiply(h));
        Assert.True((mean - expectedMean).abs().max().item<double>() < 1e-14);
        Assert.True((next - expectedMean - z.Multiply(Math.Sqrt(beta * h))).abs().max().item<double>() < 1e-14);
    }

    [Fact]
    public void Tweedie_denoising_equals_the_exact_posterior_mean()
    {
        var process = VariancePreservingProcess.WithBetaRange();
        using var gaussian = SamplingFixtures.Gaussian10();
        using var scope = NewDisposeScope();
        var x = randn([20, 10], dtype: ScalarType.Float64, generator: new TorchSharp.torch.Generator(3));
        double t = 0.3;
        var denoised = SamplerMath.Denoise(process, x, gaussian.Score(x, process.A(t), process.B(t)), t);
        var exact = gaussian.PosteriorMean(x, process.A(t), process.B(t));
        Assert.True((denoised - exact).abs().max().item<double>() < 1e-12);
    }

    [Fact]
    public void Langevin_step_size_uses_norms_averaged_over_fixed_sample_groups()
    {
        // Two groups of two samples (global indices 4..7 with groups of 2 → groups {4,5}, {6,7}); batch starts at 5,
        // so it holds sample 5 (group 2, alone) and samples 6, 7 (group 3).
        using var scope = NewDisposeScope();
        var x = zeros(3, 2, dtype: ScalarType.Float64);
        var score = tensor(new double[] { 3, 4, 0, 1, 0, 3 }, dtype: ScalarType.Float64).reshape(3, 2);   // norms 5, 1, 3
        var noise = tensor(new double[] { 0, 2, 1, 0, 0, 3 }, dtype: ScalarType.Float64).reshape(3, 2);  // norms 2, 1, 3
        const double R = 0.1, Alpha = 0.9;
        var (_, mean) = SamplerMath.LangevinStep(x, score, noise, R, Alpha, firstSample: 5, groupSize: 2);
        double eps0 = 2 * Alpha * Math.Pow(R * 2 / 5, 2);
        double eps12 = 2 * Alpha * Math.Pow(R * 2 / 2, 2);   // mean noise norm (1 + 3)/2, mean score norm (1 + 3)/2
        var expected = score * tensor(new[] { eps0, eps12, eps12 }, dtype: ScalarType.Float64).unsqueeze(1);
        Assert.True((mean - expected).abs().max().item<double>() < 1e-15, "Langevin mean x + εs uses the wrong ε");
    }
}
