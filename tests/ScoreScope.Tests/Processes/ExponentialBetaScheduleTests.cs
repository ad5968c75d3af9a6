using ScoreScope.Processes;

namespace ScoreScope.Tests.Processes;

public sealed class ExponentialBetaScheduleTests
{
    [Fact]
    public void Integral_is_the_integral_of_beta_and_matches_the_papers_endpoint()
    {
        // Simpson's rule with 2000 intervals on β(t) = 10^{2t} (error ~ h⁴·max|β⁗|/180 ≈ 1e-12 relative).
        var s = new ExponentialBetaSchedule(10);
        foreach (double t in new[] { 0.1, 0.5, 1.0 })
        {
            int m = 2000;
            double h = t / m, sum = s.Beta(0) + s.Beta(t);
            for (int i = 1; i < m; i++) sum += (i % 2 == 1 ? 4 : 2) * s.Beta(i * h);
            double simpson = sum * h / 3;
            Assert.True(Math.Abs(simpson - s.Integral(t)) <= 1e-10 * simpson, $"∫β to t = {t}: Simpson {simpson}, closed form {s.Integral(t)}");
        }
        Assert.Equal(21.4976, s.Integral(1), 4);
        var vp = VariancePreservingProcess.WithDiffusionBase(10);
        Assert.Equal(2.15e-5, vp.A(1), 7);
        Assert.Equal(10.0, vp.Diffusion(1), 12);
        Assert.Equal(-50.0, vp.DriftCoefficient(1), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialBetaSchedule(1.0));
    }
}
