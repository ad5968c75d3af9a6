using MathNet.Numerics.Integration;
using ScoreScope.Semigroups;

namespace ScoreScope.Tests.Semigroups;

public sealed class SphereHeatKernelTests
{
    static double PolarIntegral(Func<double, double> kernel, double constant, int dimension)
    {
        // composite 32-point Gauss–Legendre on 400 panels of [0, π]; the kernel's width at t = 1e-3 is ≈ 0.06
        const int panels = 400;
        double h = Math.PI / panels, total = 0;
        for (int p = 0; p < panels; p++)
            total += GaussLegendreRule.Integrate(th => kernel(th) * Math.Pow(Math.Sin(th), dimension - 1), p * h, (p + 1) * h, 32);
        return constant * total;
    }

    /// <summary>Near the diagonal d/dθ log k_t = −θ/(2t)·(1 − t/3 + O(t²)) (log k = −θ²/4t + ½log(θ/sin θ) + t/3 + …):
    /// the short-time form's derivative, whose quadrature once lost ~1e-7 of the value to an ungraded panel
    /// and returned derivatives off by factors up to 10⁴ at θ ≤ 1e-5, must scale exactly with θ.</summary>
    [Theory]
    [InlineData(1e-3)]
    [InlineData(1e-2)]
    [InlineData(0.049)]
    public void Short_time_log_derivative_is_linear_in_a_small_angle(double time)
    {
        double reference = SphereHeatKernel.LogEvaluate(time, 1e-3 * Math.Sqrt(time)).LogDerivative / (1e-3 * Math.Sqrt(time));
        Assert.True(Math.Abs(-2 * time * reference - (1 - time / 3)) <= time * time, $"t = {time}: −2t·k'/(θk) = {-2 * time * reference:R}");
        foreach (double theta in new[] { 1e-8, 1e-7, 1e-6, 1e-5, 1e-4 })
        {
            var (log, dlog) = SphereHeatKernel.LogEvaluate(time, theta);
            Assert.True(Math.Abs(dlog / theta / reference - 1) <= 1e-6, $"t = {time}, θ = {theta}: k'/(θk) = {dlog / theta:R} vs {reference:R}");
            double log0 = SphereHeatKernel.LogEvaluate(time, 0).Log;
            Assert.True(Math.Abs(log - log0 - reference * theta * theta / 2) <= 1e-13 * Math.Abs(log0) + 1e-6 * Math.Abs(reference) * theta * theta,
                $"t = {time}, θ = {theta}: log k(θ) − log k(0) = {log - log0:R}");
        }
    }

    [Theory]
    [InlineData(1e-3)]
    [InlineData(1e-2)]
    [InlineData(0.1)]
    [InlineData(1.0)]
    public void Sphere_kernel_integrates_to_one_at_every_time(double time)
    {
        double integral = PolarIntegral(th => SphereHeatKernel.Evaluate(time, th).Value, 0.5, 2);
        Assert.True(Math.Abs(integral - 1) <= 1e-10, $"S², t = {time}: ∫k dσ = {integral:R}");
    }

    [Theory]
    [InlineData(2, 1e-3)]
    [InlineData(2, 1e-2)]
    [InlineData(2, 0.1)]
    [InlineData(2, 1.0)]
    [InlineData(3, 1e-3)]
    [InlineData(3, 1e-2)]
    [InlineData(3, 0.1)]
    [InlineData(3, 1.0)]
    [InlineData(5, 1e-3)]
    [InlineData(5, 1e-2)]
    [InlineData(5, 0.1)]
    [InlineData(5, 1.0)]
    public void Gegenbauer_series_integrates_to_one(int dimension, double time)
    {
        var kernel = new HypersphereHeatKernel(dimension);
        double integral = PolarIntegral(th => kernel.Value(time, Math.Cos(th)), kernel.PolarDensityConstant, dimension);
        Assert.True(Math.Abs(integral - 1) <= 1e-10, $"S^{dimension}, t = {time}: ∫k dσ = {integral:R}");
    }

    [Theory]
    [InlineData(SphereHeatKernel.SwitchTime)]
    [InlineData(0.02)]
    [InlineData(0.01)]
    public void Series_and_short_time_form_agree(double time)
    {
        double peak = SphereHeatKernel.LegendreSeries(time, 0).Value;
        for (double th = 0; th <= Math.PI; th += Math.PI / 64)
        {
            var s = SphereHeatKernel.LegendreSeries(time, th);
            var m = SphereHeatKernel.ShortTime(time, th);
            Assert.True(Math.Abs(s.Value - m.Value) <= 1e-10 * peak, $"t = {time}, θ = {th:F4}: series {s.Value:R}, short-time {m.Value:R}");
            Assert.True(Math.Abs(s.Derivative - m.Derivative) <= 1e-10 * peak / Math.Sqrt(time), $"t = {time}, θ = {th:F4}: k' series {s.Derivative:R}, short-time {m.Derivative:R}");
        }
    }

    [Theory]
    [InlineData(0.01, 1.00334, 5e-6)]
    [InlineData(0.05, 1.0168, 5e-5)]
    public void Series_over_leading_short_time_term_is_about_exp_t_over_3(double time, double expected, double tolerance)
    {
        foreach (double th in new[] { 0.0, 0.05, 0.1 })
        {
            double ratio = SphereHeatKernel.LegendreSeries(time, th).Value / SphereHeatKernel.LeadingShortTimeTerm(time, th);
            Assert.True(Math.Abs(ratio - expected) <= tolerance, $"t = {time}, θ = {th}: ratio {ratio:R}, note {expected} (±{tolerance})");
        }
    }

    [Theory]
    [InlineData(1e-3)]
    [InlineData(1e-2)]
    [InlineData(SphereHeatKernel.SwitchTime)]
    [InlineData(0.3)]
    public void Sphere_log_kernel_derivative_equals_finite_differences(double time)
    {
        double h = 1e-3 * Math.Sqrt(time);
        foreach (double th in new[] { 1e-7, 1e-4, 0.02, 0.1, 0.5, 1.5, 3.0 })
        {
            if (th * th / (4 * time) > 300) continue; // below 1e-130 of the peak: outside any score's support
            double Log(double a) => Math.Log(SphereHeatKernel.Evaluate(time, a).Value);
            if (th < 3 * h) continue;
            double fd = (-Log(th + 2 * h) + 8 * Log(th + h) - 8 * Log(th - h) + Log(th - 2 * h)) / (12 * h);
            var (v, d) = SphereHeatKernel.Evaluate(time, th);
            Assert.True(Math.Abs(fd - d / v) <= 1e-8 * Math.Max(1, Math.Abs(d / v)), $"t = {time}, θ = {th}: k'/k = {d / v:R}, finite difference {fd:R}");
        }
    }

    [Theory]
    [InlineData(3, 1e-2)]
    [InlineData(3, 0.5)]
    [InlineData(5, 1e-2)]
    [InlineData(5, 0.5)]
    public void Gegenbauer_derivative_equals_finite_differences(int dimension, double time)
    {
        var kernel = new HypersphereHeatKernel(dimension);
        double h = 1e-4;
        foreach (double c in new[] { -0.9, 0.0, 0.5, 0.99 })
        {
            double fd = (-kernel.Value(time, c + 2 * h) + 8 * kernel.Value(time, c + h) - 8 * kernel.Value(time, c - h) + kernel.Value(time, c - 2 * h)) / (12 * h);
            double d = kernel.Series(time, c).Derivative;
            double scale = kernel.Value(time, 1);
            Assert.True(Math.Abs(fd - d) <= 1e-8 * Math.Max(scale, Math.Abs(d)), $"S^{dimension}, t = {time}, c = {c}: dk/dc = {d:R}, finite difference {fd:R}");
        }
    }
}
