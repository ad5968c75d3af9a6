using Xunit.Abstractions;
using ScoreScope.Data;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Data;

public sealed class UniformSphereDistributionTests(ITestOutputHelper output)
{
    const ulong Seed = 20230119; // arXiv 2301.07882 v1 date

    static readonly VariancePreservingProcess OrnsteinUhlenbeck = VariancePreservingProcess.OrnsteinUhlenbeck(1);

    /// <summary>S_r = −∇log p_t · x/|x| at x = (r, 0, …) (the paper's S = −score), with the OU process.</summary>
    static double RadialS(UniformSphereDistribution p, double r, double t)
    {
        var point = new double[p.AmbientDimension];
        point[0] = r;
        using var x = tensor(point, dtype: ScalarType.Float64).reshape(1, -1);
        using var s = p.Score(x, OrnsteinUhlenbeck.A(t), OrnsteinUhlenbeck.B(t));
        return -s[0, 0].item<double>();
    }

    // docs/science/singular-scores.md §5.2 table (t·S_r → r − 1 = signed distance to M).
    [Theory]
    [InlineData(2, 1.5, 1e-1, 0.6106)]
    [InlineData(2, 1.5, 1e-2, 0.5109)]
    [InlineData(2, 1.5, 1e-3, 0.5011)]
    [InlineData(2, 1.5, 1e-4, 0.5001)]
    [InlineData(2, 0.5, 1e-1, -0.3675)]
    [InlineData(2, 0.5, 1e-2, -0.4874)]
    [InlineData(2, 0.5, 1e-3, -0.4987)]
    [InlineData(2, 0.5, 1e-4, -0.4999)]
    [InlineData(2, 1.1, 1e-1, 0.2029)]
    [InlineData(2, 1.1, 1e-4, 0.1001)]
    [InlineData(3, 1.5, 1e-1, 0.6433)]
    [InlineData(3, 1.5, 1e-2, 0.5142)]
    [InlineData(3, 1.5, 1e-3, 0.5014)]
    [InlineData(3, 1.5, 1e-4, 0.5001)]
    [InlineData(3, 0.5, 1e-1, -0.2743)]
    [InlineData(3, 0.5, 1e-2, -0.4775)]
    // (3, 0.5, 1e-3): the doc's −0.4978 is a mis-rounded tie; mpmath gives −0.4977499917 (checked in the next test).
    [InlineData(3, 0.5, 1e-4, -0.4998)]
    public void Time_times_radial_score_matches_the_table_to_four_digits(int n, double r, double t, double expected)
    {
        double v = t * RadialS(new UniformSphereDistribution(n), r, t);
        Assert.True(Math.Abs(v - expected) < 5e-5, $"n = {n}, r = {r}, t = {t}: t·S_r = {v:F6}, table {expected}");
    }

    // On M the score stays bounded: S_r → 1/2 + d/2 (docs/science/singular-scores.md §2.4, §5.2).
    [Theory]
    [InlineData(2, 1e-1, 1.0265, 5e-5)]
    [InlineData(2, 1e-2, 1.0025, 5e-5)]
    [InlineData(2, 1e-3, 1.0003, 5e-5)]
    [InlineData(2, 1e-8, 1.0, 1e-6)]
    // The doc lists 1.50125, 1.50012, 1.50001 for S² at t = 1e-1, 1e-2, 1e-3: shifted by one decade of t
    // (S_r(1) = 3/2 + t/8 + O(t²); mpmath gives 1.5124974, 1.5012500, 1.5001250).
    [InlineData(3, 1e-1, 1.5124974, 5e-7)]
    [InlineData(3, 1e-2, 1.5012500, 5e-7)]
    [InlineData(3, 1e-3, 1.5001250, 5e-7)]
    [InlineData(3, 1e-8, 1.5, 1e-6)]
    public void Radial_score_on_the_sphere_stays_bounded_and_tends_to_one_half_plus_half_the_dimension(int n, double t, double expected, double tolerance)
    {
        double v = RadialS(new UniformSphereDistribution(n), 1.0, t);
        Assert.True(Math.Abs(v - expected) < tolerance, $"n = {n}, t = {t}: S_r(1) = {v:R}, expected {expected} ± {tolerance}");
    }

    // S_r from mpmath 1.3.0 (30 digits) on the build host: S_r = (r − a·I_{n/2}(κ)/I_{n/2−1}(κ))/b², κ = ar/b²,
    // a = e^{−t/2}, b² = −expm1(−t). Tolerance: 1e-10 relative, plus the conditioning of S_r with respect to one
    // rounding of a and of r (≈ 2.2e-16·(1 + r)/b²), which no implementation can avoid.
    [Theory]
    [InlineData(2, 1.5, 0.1, 6.1059704126139338)]
    [InlineData(2, 1.5, 0.01, 51.085559297431448)]
    [InlineData(2, 1.5, 0.0001, 5001.083355555926)]
    [InlineData(2, 1.5, 1e-6, 500001.08333355556)]
    [InlineData(2, 1.5, 1e-8, 50000001.083333336)]
    [InlineData(2, 0.5, 0.1, -3.6754610477597347)]
    [InlineData(2, 0.5, 0.01, -48.744063384718083)]
    [InlineData(2, 0.5, 0.0001, -4998.7499416566635)]
    [InlineData(2, 0.5, 1e-6, -499998.74999941667)]
    [InlineData(2, 0.5, 1e-8, -49999998.749999994)]
    [InlineData(2, 1, 0.1, 1.0265057369173289)]
    [InlineData(2, 1, 0.01, 1.0025127021939815)]
    [InlineData(2, 1, 0.0001, 1.000025001250198)]
    [InlineData(2, 1, 1e-6, 1.000000250000125)]
    [InlineData(2, 1, 1e-8, 1.0000000025)]
    [InlineData(3, 1.5, 0.1, 6.4333300355365076)]
    [InlineData(3, 1.5, 0.01, 51.41833333003473)]
    [InlineData(3, 1.5, 0.0001, 5001.4166833333333)]
    [InlineData(3, 1.5, 1e-6, 500001.41666683333)]
    [InlineData(3, 1.5, 1e-8, 50000001.416666668)]
    [InlineData(3, 0.5, 0.1, -2.7425800263624786)]
    [InlineData(3, 0.5, 0.01, -47.749166668576384)]
    [InlineData(3, 0.5, 0.0001, -4997.7499916666667)]
    [InlineData(3, 0.5, 1e-6, -499997.74999991667)]
    [InlineData(3, 0.5, 1e-8, -49999997.749999999)]
    [InlineData(3, 1, 0.1, 1.5124973549335928)]
    [InlineData(3, 1, 0.01, 1.5012499973958398)]
    [InlineData(3, 1, 0.0001, 1.5000124999999974)]
    [InlineData(3, 1, 1e-6, 1.500000125)]
    [InlineData(3, 1, 1e-8, 1.50000000125)]
    public void Radial_score_matches_high_precision_references_down_to_t_ten_to_minus_eight(int n, double r, double t, double expected)
    {
        double v = RadialS(new UniformSphereDistribution(n), r, t);
        double tolerance = 1e-10 * Math.Abs(expected) + 2.2e-16 * (1 + r) / -double.ExpM1(-t);
        Assert.True(Math.Abs(v - expected) <= tolerance, $"n = {n}, r = {r}, t = {t}: S_r = {v:R}, mpmath {expected:R}, tolerance {tolerance:G3}");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Score_equals_the_gradient_of_the_log_density(int n)
    {
        // Fourth-order central differences of the exact log-density (the log-density is evaluated in doubles, not
        // in a torch graph, so autograd is not available); step h = 1e-3·b, truncation ≈ (h/b)⁴ ≈ 1e-12.
        var p = new UniformSphereDistribution(n);
        using var g = Seeds.Generator(Seed);
        using var x = randn([20, n], dtype: ScalarType.Float64, generator: g).Multiply(0.8);
        foreach (double t in new[] { 0.5, 0.1, 0.01 })
        {
            double a = OrnsteinUhlenbeck.A(t), b = OrnsteinUhlenbeck.B(t), h = 1e-3 * b;
            using var s = p.Score(x, a, b);
            for (int j = 0; j < n; j++)
            {
                using var e = zeros(n, dtype: ScalarType.Float64);
                e[j] = 1.0;
                using var l2 = p.LogDensity(x.Add(e.Multiply(2 * h)), a, b);
                using var l1 = p.LogDensity(x.Add(e.Multiply(h)), a, b);
                using var m1 = p.LogDensity(x - e.Multiply(h), a, b);
                using var m2 = p.LogDensity(x - e.Multiply(2 * h), a, b);
                using var fd = (m2 - l2).Add((l1 - m1).Multiply(8)).Divide(12 * h);
                using var exact = s[TensorIndex.Colon, j];
                double error = (fd - exact).abs().max().item<double>();
                double scale = s.abs().max().item<double>();
                Assert.True(error <= 1e-8 * scale, $"n = {n}, t = {t}, coordinate {j}: max |FD − score| = {error:G3} vs max |score| {scale:G3}");
            }
        }
    }

    [Fact]
    public void Log_density_integrates_to_one_on_the_plane()
    {
        // Circle, t = 0.5: Riemann sum over [−6, 6]² (tails below e^{−20}).
        var p = UniformSphereDistribution.Circle();
        double t = 0.5, step = 0.02;
        using var grid = ScalarArithmetic.Arange(-6.0, 6.0, step, ScalarType.Float64).Add(step / 2);
        var mesh = meshgrid([grid, grid], indexing: "ij");
        using var x = stack([mesh[0].flatten(), mesh[1].flatten()], 1);
        using var logp = p.LogDensity(x, OrnsteinUhlenbeck.A(t), OrnsteinUhlenbeck.B(t));
        double mass = logp.exp().sum().item<double>() * step * step;
        Assert.True(Math.Abs(mass - 1) < 1e-6, $"∫ p_t = {mass:R}");
    }

    [Theory]
    [InlineData(2, 1, 1)]
    [InlineData(3, 1, 2)]
    public void Monte_carlo_score_energy_and_denoising_error_give_codimension_and_intrinsic_dimension(int n, int codimension, int dimension)
    {
        // docs/science/singular-scores.md §5.3 at t = 1e-3 with 10⁵ forward samples: t·E|S|² → k, E|f − x₀|²/t → d (within 5%).
        const int count = 100_000;
        double t = 1e-3, a = OrnsteinUhlenbeck.A(t), b = OrnsteinUhlenbeck.B(t);
        var p = new UniformSphereDistribution(n);
        using var g = Seeds.Generator(Seed);
        using var x0 = p.Sample(count, g);
        using var x = x0.Multiply(a).Add(randn([count, n], dtype: ScalarType.Float64, generator: g).Multiply(b));
        Assert.Equal(count, x.shape[0]);
        using var energy = p.Score(x, a, b).Square().sum(1).Multiply(t);
        using var error = (p.PosteriorMean(x, a, b) - x0).Square().sum(1).Divide(t);
        double e = energy.mean().item<double>(), eSe = energy.std().item<double>() / Math.Sqrt(count);
        double d = error.mean().item<double>(), dSe = error.std().item<double>() / Math.Sqrt(count);
        output.WriteLine($"n = {n}, t = {t}: t·E|S|² = {e:F4} ± {eSe:F4}, E|f − x₀|²/t = {d:F4} ± {dSe:F4}");
        Assert.True(Math.Abs(e - codimension) <= 0.05 * codimension, $"t·E|S|² = {e:F4} ± {eSe:F4} (1 SE), codimension {codimension}");
        Assert.True(Math.Abs(d - dimension) <= 0.05 * dimension, $"E|f − x₀|²/t = {d:F4} ± {dSe:F4} (1 SE), dimension {dimension}");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Posterior_mean_stays_in_the_unit_ball_and_nothing_is_infinite_down_to_t_ten_to_minus_eight(int n)
    {
        // 10⁴ points (a 100×100 grid over [−3, 3]² in the first two coordinates, with x = 0 included) at 10 times.
        var p = new UniformSphereDistribution(n);
        using var line = linspace(-3.0, 3.0, 101, dtype: ScalarType.Float64)[TensorIndex.Slice(0, 100)];
        var mesh = meshgrid([line, line], indexing: "ij");
        using var planar = stack([mesh[0].flatten(), mesh[1].flatten()], 1);
        using var x = cat([planar, zeros([planar.shape[0], n - 2], dtype: ScalarType.Float64)], 1);
        Assert.Equal(10_000, x.shape[0]);
        foreach (double t in new[] { 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10 })
        {
            double a = OrnsteinUhlenbeck.A(t), b = OrnsteinUhlenbeck.B(t);
            using var f = p.PosteriorMean(x, a, b);
            using var s = p.Score(x, a, b);
            using var logp = p.LogDensity(x, a, b);
            double largest = f.norm(1).max().item<double>();
            Assert.True(largest <= 1.0, $"t = {t}: max |f| = {largest:R} > 1");
            Assert.True(s.isfinite().all().item<bool>() && logp.isfinite().all().item<bool>() && f.isfinite().all().item<bool>(),
                $"t = {t}: non-finite score, log-density or posterior mean");
        }
    }

    [Fact]
    public void Tweedie_formula_links_the_score_and_the_posterior_mean()
    {
        var p = new UniformSphereDistribution(3);
        using var g = Seeds.Generator(Seed);
        using var x = randn([50, 3], dtype: ScalarType.Float64, generator: g);
        double a = OrnsteinUhlenbeck.A(0.3), b = OrnsteinUhlenbeck.B(0.3);
        using var viaScore = x.Add(p.Score(x, a, b).Multiply(b * b)).Divide(a);
        using var f = p.PosteriorMean(x, a, b);
        Assert.True((viaScore - f).abs().max().item<double>() < 1e-14);
    }

    [Fact]
    public void Distance_and_projection_are_radial()
    {
        var p = UniformSphereDistribution.Circle();
        using var x = tensor(new[] { 3.0, 4.0, 0.0, 0.0, 0.3, 0.0 }, dtype: ScalarType.Float64).reshape(3, 2);
        using var d = p.Distance(x);
        using var y = p.Project(x);
        AssertClose([4.0, 1.0, 0.7], d);
        AssertClose([0.6, 0.8, 1.0, 0.0, 1.0, 0.0], y);
        using var tangent = p.TangentProjector(x);
        AssertClose([0.64, -0.48, -0.48, 0.36], tangent[0]);
    }

    static void AssertClose(double[] expected, Tensor actual)
    {
        var values = actual.flatten().data<double>().ToArray();
        Assert.Equal(expected.Length, values.Length);
        for (int i = 0; i < values.Length; i++)
            Assert.True(Math.Abs(values[i] - expected[i]) <= 1e-14, $"entry {i}: {values[i]:R} vs {expected[i]}");
    }
}
