using ScoreScope.Analysis;
using ScoreScope.Semigroups;

namespace ScoreScope.Tests.Semigroups;

public sealed class CircleAndTorusTests
{
    // docs/science/04 §5.5: data on the circle, generator d²/dx².
    static readonly double[] Data = [1.0, 1.3, 1.7, 2.2, 4.0, 4.4, 5.1];
    static TorusKernelSmoothingScore Smoother => new(Data.Select(x => new[] { x }).ToArray());

    [Theory]
    [InlineData(1e-3)]
    [InlineData(1e-2)]
    [InlineData(0.1)]
    [InlineData(1.0)]
    public void Circle_kernel_integrates_to_one(double time)
    {
        const int points = 8192; // periodic trapezoid rule: spectrally accurate
        double sum = 0;
        for (int i = 0; i < points; i++) sum += CircleHeatKernel.Value(time, 2 * Math.PI * i / points - 0.3);
        Assert.True(Math.Abs(sum / points - 1) <= 1e-10, $"t = {time}: ∫k dx/2π = {sum / points:R}");
    }

    [Theory]
    [InlineData(1e-2)]
    [InlineData(0.1)]
    [InlineData(1.0)]
    public void Torus_kernel_in_two_dimensions_integrates_to_one(double time)
    {
        const int points = 512;
        double[] y = [0.4, 5.9];
        double sum = 0;
        for (int i = 0; i < points; i++)
            for (int j = 0; j < points; j++)
                sum += TorusHeatKernel.Value(time, [2 * Math.PI * i / points, 2 * Math.PI * j / points], y);
        Assert.True(Math.Abs(sum / points / points - 1) <= 1e-10, $"t = {time}: ∫k = {sum / points / points:R}");
    }

    [Theory]
    [InlineData(CircleHeatKernel.SwitchTime)]
    [InlineData(0.1)]
    [InlineData(0.3)]
    [InlineData(3.0)]
    public void Theta_series_and_wrapped_Gaussian_agree(double time)
    {
        double peak = CircleHeatKernel.Value(time, 0);
        for (double d = -Math.PI; d <= Math.PI; d += 0.05)
        {
            var s = CircleHeatKernel.ThetaSeries(time, d);
            var w = CircleHeatKernel.WrappedGaussian(time, d);
            Assert.True(Math.Abs(s.Value - w.Value) <= 1e-10 * peak, $"t = {time}, δ = {d}: {s.Value:R} vs {w.Value:R}");
            Assert.True(Math.Abs(s.Derivative - w.Derivative) <= 1e-10 * peak / Math.Sqrt(time), $"t = {time}, δ = {d}: {s.Derivative:R} vs {w.Derivative:R}");
        }
    }

    [Theory]
    [InlineData(1e-3)]
    [InlineData(1e-2)]
    [InlineData(0.1)]
    [InlineData(1.0)]
    [InlineData(4.0)]
    public void Log_kernel_gradient_equals_finite_differences(double time)
    {
        double h = 1e-3 * Math.Sqrt(time);
        foreach (double d in new[] { -3.0, -1.0, -0.05, 0.0, 0.02, 0.7, 2.5 })
        {
            if (time < 0.01 && Math.Abs(d) > 0.5) continue; // log k is −δ²/4t there: covered by the log form below
            double Log(double u) => CircleHeatKernel.LogValueAndDerivative(time, u).Log;
            double fd = (-Log(d + 2 * h) + 8 * Log(d + h) - 8 * Log(d - h) + Log(d - 2 * h)) / (12 * h);
            double g = CircleHeatKernel.LogValueAndDerivative(time, d).LogDerivative;
            Assert.True(Math.Abs(fd - g) <= 1e-8 * Math.Max(1, Math.Abs(g)), $"t = {time}, δ = {d}: {g:R} vs finite difference {fd:R}");
            double v = CircleHeatKernel.Value(time, d);
            double dv = CircleHeatKernel.Derivative(time, d);
            Assert.True(Math.Abs(dv / v - g) <= 1e-10 * Math.Max(1, Math.Abs(g)), $"t = {time}, δ = {d}: k'/k {dv / v:R} vs {g:R}");
        }
    }

    [Theory]
    [InlineData(0.3, -0.258780)]
    [InlineData(0.1, -1.455375)]
    public void Kernel_smoothing_score_at_3_matches_the_note(double time, double expected) =>
        Assert.Equal(expected, Smoother.Score(time, 3.0), 6);

    [Theory]
    [InlineData(2, 1.47e-2, 0.01)]
    [InlineData(4, 8.2e-4, 0.01)]
    [InlineData(8, 2.6e-6, 0.02)]
    public void Oism_tends_to_the_kernel_smoothing_score_as_the_basis_grows(int frequencies, double expected, double relative)
    {
        double error = FullBasisError(frequencies, 0.3);
        Assert.True(Math.Abs(error / expected - 1) <= relative, $"K = {frequencies}: E|s̃ − s_DKS|² = {error:G4}, note {expected:G2}");
    }

    [Fact]
    public void Oism_with_sixteen_frequencies_equals_the_kernel_smoothing_score()
    {
        double error = FullBasisError(16, 0.3);
        Assert.True(error <= 1e-10, $"K = 16: E|s̃ − s_DKS|² = {error:G3}");
        double previous = double.PositiveInfinity;
        for (int k = 1; k <= 16; k++)
        {
            double e = FullBasisError(k, 0.3);
            Assert.True(e <= previous, $"error {e:G4} at K = {k} above {previous:G4} at K = {k - 1}");
            previous = e;
        }
    }

    static double FullBasisError(int frequencies, double time)
    {
        var oism = CircleOism.FromSamples(Data, frequencies);
        var alpha = oism.Coefficients(time);
        var smoother = Smoother;
        const int points = 1024;
        double sum = 0;
        for (int i = 0; i < points; i++)
        {
            double x = 2 * Math.PI * i / points;
            double density = Data.Average(y => CircleHeatKernel.Value(time, x - y)); // w.r.t. dx/2π
            double d = CircleOism.Score(alpha, x) - smoother.Score(time, x);
            sum += density * d * d;
        }
        return sum / points;
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    [InlineData(1.0)]
    public void Circle_oism_matrix_is_symmetric_positive_semidefinite(double time)
    {
        foreach (int k in new[] { 1, 3, 8, 16 })
            SymmetricPositiveSemidefinite.Assert(CircleOism.FromSamples(Data, k).Matrix(time), $"circle, t = {time}, K = {k}");
    }

    [Fact]
    public void Circle_oism_vector_vanishes_as_t_grows()
    {
        var oism = CircleOism.FromSamples(Data, 8);
        Assert.True(oism.Vector(40).Select(Math.Abs).Max() <= 1e-15, "max|b_40|");
        Assert.True(oism.Coefficients(40).Select(Math.Abs).Max() <= 1e-15, "max|α̂_40|");
    }

    const int SamplingSeed = 20251204;

    [Theory]
    [Trait("Category", "Statistical")]
    [InlineData(1e-3)]
    [InlineData(1e-2)]
    [InlineData(0.3)]
    [InlineData(2.0)]
    public void Forward_samples_follow_the_heat_kernel(double time)
    {
        // one-sample KS of the probability-integral transform F_t(x_t; y) against U(0, 1); p > 0.01 at n = 10⁵
        const int n = 100_000;
        const double start = 6.1;
        var random = new Random(SamplingSeed);
        var u = new double[n];
        for (int i = 0; i < n; i++)
            u[i] = CircleHeatKernel.CumulativeDistribution(time, start, TorusForwardSampler.Sample(time, [start], random)[0]);
        var ks = CircularUniformityTest.TestUniform(u);
        Assert.Equal(n, ks.Count);
        Assert.True(ks.PValue > 0.01, $"t = {time}: KS D = {ks.Statistic:G3}, p = {ks.PValue:G3} (n = {n})");
    }
}
