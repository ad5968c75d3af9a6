using ScoreScope.Numerics;
using ScoreScope.Processes;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Processes;

public sealed class ForwardProcessTests
{
    [Theory]
    [MemberData(nameof(ForwardProcessCases.Names), MemberType = typeof(ForwardProcessCases))]
    public void Marginal_solves_the_moment_equations(string name)
    {
        // For dx = f x dt + g dW: da/dt = f a and d(b²)/dt = 2 f b² + g² (Särkkä & Solin 2019, Eq. 5.51).
        var p = ForwardProcessCases.All[name]();
        foreach (double t in new[] { 0.05, 0.2, 0.5, 0.8, 0.95 })
        {
            double h = 1e-6;
            double da = (p.A(t + h) - p.A(t - h)) / (2 * h);
            double db2 = (Square(p.B(t + h)) - Square(p.B(t - h))) / (2 * h);
            double f = p.DriftCoefficient(t), g = p.Diffusion(t);
            Assert.True(Math.Abs(da - f * p.A(t)) <= 1e-6 * Math.Max(1, Math.Abs(f * p.A(t))), $"{p}: da/dt = {da} but f·a = {f * p.A(t)} at t = {t}");
            double rhs = 2 * f * Square(p.B(t)) + g * g;
            Assert.True(Math.Abs(db2 - rhs) <= 1e-6 * Math.Max(1, Math.Abs(rhs)), $"{p}: d(b²)/dt = {db2} but 2fb² + g² = {rhs} at t = {t}");
        }
        Assert.Equal(1.0, p.A(0), 15);
        Assert.Equal(0.0, p.B(0), 15);
    }

    [Theory]
    [MemberData(nameof(ForwardProcessCases.Names), MemberType = typeof(ForwardProcessCases))]
    public void Noise_to_signal_inverse_recovers_time(string name)
    {
        var p = ForwardProcessCases.All[name]();
        foreach (double t in new[] { 1e-4, 0.01, 0.3, 0.7, 1.0 })
        {
            double back = p.TimeAtNoiseToSignal(p.NoiseToSignal(t));
            Assert.True(Math.Abs(back - t) <= 1e-9 * Math.Max(1, t), $"{p}: t = {t} → σ = {p.NoiseToSignal(t)} → t = {back}");
        }
    }

    [Theory]
    [MemberData(nameof(ForwardProcessCases.Names), MemberType = typeof(ForwardProcessCases))]
    public void Prior_log_density_integrates_to_one(string name)
    {
        // Trapezoid rule on [−12σ_p, 12σ_p] with 24001 nodes: the Gaussian tail beyond is < 1e-30 and the
        // trapezoid error for a smooth rapidly decaying integrand is far below 1e-10.
        var p = ForwardProcessCases.All[name]();
        using var scope = NewDisposeScope();
        double s = p.PriorStandardDeviation;
        var x = linspace(-12 * s, 12 * s, 24001, dtype: ScalarType.Float64).unsqueeze(1);
        var density = p.PriorLogDensity(x).exp();
        double integral = trapezoid(density, x.squeeze(1)).item<double>();
        Assert.True(Math.Abs(integral - 1) < 1e-10, $"{p}: ∫ prior = {integral}");
    }

    [Theory]
    [MemberData(nameof(ForwardProcessCases.Names), MemberType = typeof(ForwardProcessCases))]
    [Trait("Category", "Statistical")]
    public void Marginal_agrees_with_euler_maruyama_simulation(string name)
    {
        // Given x₀ = 1 on 2·10⁵ paths, Euler–Maruyama with 2000 uniform steps (coefficients at the step midpoint),
        // seed 20260101. At t ∈ {0.1, 0.5, 1} the sample mean must be a(t) and the sample variance b(t)², each within
        // 4 standard errors (SE of the mean = s/√N, SE of the variance = √((m₄ − s⁴)/N)). The EM bias of the
        // stationary VP variance is ≈ β·dt/4 ≤ 0.25%, below one SE (0.32%).
        const int paths = 200_000, steps = 2000;
        const ulong seed = 20260101;
        var p = ForwardProcessCases.All[name]();
        using var generator = Seeds.Generator(seed);
        using var scope = NewDisposeScope();
        var x = ones(paths, dtype: ScalarType.Float64);
        double dt = p.EndTime / steps;
        var checkpoints = new Dictionary<int, double> { [200] = 0.1, [1000] = 0.5, [2000] = 1.0 };
        for (int i = 0; i < steps; i++)
        {
            double tm = (i + 0.5) * dt;
            using (var z = randn(paths, dtype: ScalarType.Float64, generator: generator))
            {
                x.MultiplyInPlace(1 + p.DriftCoefficient(tm) * dt).AddScaledInPlace(z,p.Diffusion(tm) * Math.Sqrt(dt));
            }
            if (checkpoints.TryGetValue(i + 1, out double t))
            {
                Assert.Equal(paths, x.shape[0]);
                double mean = x.mean().item<double>();
                var centred = x.Subtract(mean);
                double variance = centred.Square().mean().item<double>();
                double m4 = centred.Power(4).mean().item<double>();
                double seMean = Math.Sqrt(variance / paths);
                double seVariance = Math.Sqrt((m4 - variance * variance) / paths);
                double a = p.A(t), b2 = Square(p.B(t));
                Assert.True(Math.Abs(mean - a) <= 4 * seMean,
                    $"{p} t = {t}: EM mean {mean} vs a(t) = {a}, |Δ| = {Math.Abs(mean - a):G3} > 4 SE = {4 * seMean:G3} (N = {paths})");
                Assert.True(Math.Abs(variance - b2) <= 4 * seVariance,
                    $"{p} t = {t}: EM variance {variance} vs b(t)² = {b2}, |Δ| = {Math.Abs(variance - b2):G3} > 4 SE = {4 * seVariance:G3} (N = {paths})");
            }
        }
    }

    [Fact]
    public void Closed_forms_match_the_literature()
    {
        // OU (β = 1): a = e^{−t/2}, b² = 1 − e^{−t}; VE with g = 10^t: b² = (10^{2t} − 1)/(2 ln 10);
        // geometric VE: b² = σ_min²((σ_max/σ_min)^{2t} − 1); VP linear: B(t) = β_min t + ½t²(β_max − β_min).
        var ou = VariancePreservingProcess.OrnsteinUhlenbeck(1.0);
        Assert.Equal(Math.Exp(-0.25), ou.A(0.5), 14);
        Assert.Equal(1 - Math.Exp(-0.5), Square(ou.B(0.5)), 14);
        double tiny = Square(ou.B(1e-8));
        // Reference by the Taylor series t − t²/2 + t³/6 (exact to double at t = 1e-8); .NET's double.ExpM1 is
        // Exp(x) − 1 and itself off by 1e-9 relative here.
        double tinyExact = 1e-8 - 0.5e-16 + 1e-24 / 6;
        Assert.True(Math.Abs(tiny / tinyExact - 1) < 1e-14, $"b(1e-8)² = {tiny:R} loses precision (exact {tinyExact:R})");
        var ve = VarianceExplodingProcess.WithDiffusionBase(10);
        Assert.Equal((Math.Pow(10, 1.0) - 1) / (2 * Math.Log(10)), Square(ve.B(0.5)), 13);
        var geo = VarianceExplodingProcess.Geometric(0.01, 50);
        Assert.Equal(0.01 * 0.01 * (Math.Pow(5000, 2 * 0.3) - 1), Square(geo.B(0.3)), 13);
        var vp = VariancePreservingProcess.WithBetaRange(0.1, 20);
        Assert.Equal(Math.Exp(-0.5 * (0.1 * 0.4 + 0.5 * 0.16 * 19.9)), vp.A(0.4), 14);
        var cosine = VariancePreservingProcess.Cosine(0.008, 20);
        double phi(double t) => Math.PI / 2 * (t + 0.008) / 1.008;
        Assert.Equal(Math.Cos(phi(0.3)) / Math.Cos(phi(0)), cosine.A(0.3), 13);
    }

    [Fact]
    public void Invalid_parameters_name_the_value()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => VarianceExplodingProcess.Geometric(-1, 50));
        Assert.Contains("-1", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => VarianceExplodingProcess.Geometric(1, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => VariancePreservingProcess.WithBetaRange(-0.1, 20));
        Assert.Throws<ArgumentOutOfRangeException>(() => VarianceExplodingProcess.WithDiffusionBase(0.5));
    }

    static double Square(double v) => v * v;
}
