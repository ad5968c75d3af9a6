using MathNet.Numerics.Integration;
using ScoreScope.Analysis;
using ScoreScope.Semigroups;

namespace ScoreScope.Tests.Semigroups;

public sealed class ManifoldSamplingTests
{
    const ulong Seed = 20251205;

    /// <summary>Max |F_table − F| over 97 angles, F by 8 panels of 32-point Gauss–Legendre per step between them
    /// (independent of the sampler's table nodes).</summary>
    static double TableError(HypersphereForwardSampler sampler, int dimension, double time)
    {
        var kernel = new HypersphereHeatKernel(dimension);
        Func<double, double> k = dimension == 2 ? th => SphereHeatKernel.Evaluate(time, th).Value : th => kernel.Value(time, Math.Cos(th));
        double end = Math.Min(Math.PI, 12 * Math.Sqrt(time) * Math.Sqrt(dimension)), f = 0, error = 0, previous = 0;
        for (int j = 1; j <= 97; j++)
        {
            double angle = end * j / 97, h = (angle - previous) / 8;
            for (int p = 0; p < 8; p++)
                f += kernel.PolarDensityConstant * GaussLegendreRule.Integrate(th => k(th) * Math.Pow(Math.Sin(th), dimension - 1), previous + p * h, previous + (p + 1) * h, 32);
            previous = angle;
            error = Math.Max(error, Math.Abs(sampler.DistanceDistribution(angle) - f));
        }
        return error;
    }

    [Theory]
    [Trait("Category", "Statistical")]
    [InlineData(2, 1e-2)]
    [InlineData(2, 0.3)]
    [InlineData(3, 0.05)]
    [InlineData(5, 0.1)]
    public void Sphere_forward_samples_follow_the_heat_kernel(int dimension, double time)
    {
        var sampler = new HypersphereForwardSampler(dimension, time);
        // measured table error: the distribution function against an independent quadrature
        double tableError = TableError(sampler, dimension, time);
        Assert.True(tableError <= 1e-9, $"S^{dimension}, t = {time}: max |F_table − F| = {tableError:G3}");
        Assert.True(Math.Abs(sampler.TableMass - 1) <= 1e-10, $"table mass {sampler.TableMass:R}");

        const int n = 100_000;
        var start = new double[dimension + 1];
        start[0] = 0.6; start[dimension] = 0.8;
        var random = new Random((int)Seed);
        var u = new double[n];
        for (int i = 0; i < n; i++)
        {
            var x = sampler.Sample(start, random);
            double c = x.Zip(start, (a, b) => a * b).Sum();
            u[i] = sampler.DistanceDistribution(Math.Acos(Math.Clamp(c, -1, 1)));
        }
        var ks = CircularUniformityTest.TestUniform(u);
        Assert.Equal(n, ks.Count);
        Assert.True(ks.PValue > 0.01, $"S^{dimension}, t = {time}: KS D = {ks.Statistic:G3}, p = {ks.PValue:G3} (n = {n})");
    }

    static readonly double[][] SphereData =
    [
        [0, 0, 1], [1, 0, 0], [0.6, 0.8, 0], [0, -0.6, -0.8],
    ];

    [Theory]
    [InlineData(1e-3)]
    [InlineData(1e-2)]
    [InlineData(0.1)]
    [InlineData(1.0)]
    public void Sphere_kernel_smoothing_score_is_the_gradient_of_the_log_density(double time)
    {
        var smoother = new SphereKernelSmoothingScore(SphereData);
        var sphere = new UnitSphere(2);
        var random = new Random(7);
        var s = new double[3];
        for (int trial = 0; trial < 20; trial++)
        {
            var x = new double[3];
            sphere.SampleUniform(x, random);
            if (time < 0.01) // stay within a few kernel widths of a data point so that ρ̂ is not all far tail
            {
                var y = SphereData[trial % SphereData.Length];
                var w = new double[3];
                sphere.SampleUniform(w, random);
                sphere.ProjectToTangent(y, w);
                double norm = Math.Sqrt(w.Sum(c => c * c));
                x = (double[])y.Clone();
                sphere.ExponentialMap(x, w.Select(c => c / norm * 3 * Math.Sqrt(time)).ToArray());
            }
            smoother.Score(time, x, s);
            var v = new double[3];
            sphere.SampleUniform(v, random);
            sphere.ProjectToTangent(x, v);
            double h = 1e-3 * Math.Sqrt(time);
            double Log(double e)
            {
                var p = (double[])x.Clone();
                sphere.ExponentialMap(p, v.Select(c => c * e).ToArray());
                return smoother.Score(time, p, new double[3]);
            }
            double fd = (-Log(2 * h) + 8 * Log(h) - 8 * Log(-h) + Log(-2 * h)) / (12 * h);
            double analytic = s.Zip(v, (a, b) => a * b).Sum();
            double scale = Math.Sqrt(s.Sum(c => c * c)) * Math.Sqrt(v.Sum(c => c * c));
            Assert.True(Math.Abs(fd - analytic) <= 1e-8 * Math.Max(1, scale), $"t = {time}: ⟨s, v⟩ = {analytic:R}, finite difference {fd:R}");
            Assert.True(Math.Abs(s.Zip(x, (a, b) => a * b).Sum()) <= 1e-12 * Math.Max(1, scale), "the score is tangent");
        }
    }

    static double[] GeometricGrid(double end, double start, int steps) =>
        Enumerable.Range(0, steps + 1).Select(k => end * Math.Pow(start / end, (double)k / steps)).ToArray();

    [Theory]
    [Trait("Category", "Statistical")]
    [Trait("Category", "Slow")]
    [InlineData(ManifoldSamplerKind.GeodesicEulerMaruyama)]
    [InlineData(ManifoldSamplerKind.ProbabilityFlowHeun)]
    public void Reverse_sampler_on_the_circle_returns_the_heat_kernel_density_estimate(ManifoldSamplerKind kind)
    {
        double[] data = [1.0, 1.3, 1.7, 2.2, 4.0, 4.4, 5.1];
        const double tMin = 0.05;
        const int n = 5_000;
        var smoother = new TorusKernelSmoothingScore(data.Select(x => new[] { x }).ToArray());
        var samples = ManifoldReverseSampler.Sample(new FlatTorus(1), smoother, GeometricGrid(12, tMin, 250), n, kind, Seed);
        Assert.Equal(n, samples.Length);
        // PIT through the exact distribution function of ρ̂_{t_min} = (1/n)Σ k_{t_min}(·, x_i)
        var u = samples.Select(x => data.Average(y => CircleHeatKernel.CumulativeDistribution(tMin, y, x[0]))).ToArray();
        var ks = CircularUniformityTest.TestUniform(u);
        Assert.True(ks.PValue > 0.01, $"{kind}: KS D = {ks.Statistic:G3}, p = {ks.PValue:G3} (n = {n}, 250 steps, t_min = {tMin})");
    }

    [Theory]
    [Trait("Category", "Statistical")]
    [Trait("Category", "Slow")]
    [InlineData(ManifoldSamplerKind.GeodesicEulerMaruyama)]
    [InlineData(ManifoldSamplerKind.ProbabilityFlowHeun)]
    public void Reverse_sampler_on_the_sphere_returns_the_heat_kernel_of_one_point(ManifoldSamplerKind kind)
    {
        const double tMin = 0.05;
        const int n = 5_000;
        double[] y = [0.0, 0.6, 0.8];
        var smoother = new SphereKernelSmoothingScore([y]);
        var samples = ManifoldReverseSampler.Sample(new UnitSphere(2), smoother, GeometricGrid(8, tMin, 200), n, kind, Seed);
        var table = new HypersphereForwardSampler(2, tMin);
        var u = samples.Select(x => table.DistanceDistribution(Math.Acos(Math.Clamp(x.Zip(y, (a, b) => a * b).Sum(), -1, 1)))).ToArray();
        var ks = CircularUniformityTest.TestUniform(u);
        Assert.True(ks.PValue > 0.01, $"{kind}: KS D = {ks.Statistic:G3}, p = {ks.PValue:G3} of the geodesic distance (n = {n}, 200 steps)");
    }

    /// <summary>Hides a score's own batched overload, so the sampler goes through the interface's one-point loop.</summary>
    sealed class OnePointAtATime(IManifoldScore inner) : IManifoldScore
    {
        public double Score(double time, ReadOnlySpan<double> x, Span<double> score) => inner.Score(time, x, score);
    }

    [Theory]
    [InlineData(ManifoldSamplerKind.GeodesicEulerMaruyama)]
    [InlineData(ManifoldSamplerKind.ProbabilityFlowHeun)]
    public void Sphere_sampler_with_the_batched_score_follows_the_one_point_paths(ManifoldSamplerKind kind)
    {
        // 40 data points, 48 particles, 30 steps from T = 3 to 0.02: the batched, tabulated score (≤ 1e-10 from the
        // one-point score, SphereKernelSmoothingScoreTests) must give the same paths as the one-point loop with the same draws.
        var random = new Random(20261204);
        var data = Enumerable.Range(0, 40).Select(_ =>
        {
            var v = new[] { random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() + 0.2 };
            double norm = Math.Sqrt(v.Sum(a => a * a));
            return v.Select(a => a / norm).ToArray();
        }).ToArray();
        var smoother = new SphereKernelSmoothingScore(data);
        var grid = GeometricGrid(3, 0.02, 30);
        var batched = ManifoldReverseSampler.Sample(new UnitSphere(2), smoother, grid, 48, kind, Seed);
        var looped = ManifoldReverseSampler.Sample(new UnitSphere(2), new OnePointAtATime(smoother), grid, 48, kind, Seed);
        double worst = batched.Zip(looped, (a, b) => a.Zip(b, (p, q) => Math.Abs(p - q)).Max()).Max();
        Assert.True(worst < 1e-7, $"{kind}: largest coordinate difference {worst:G3} between batched and one-point paths (tolerance 1e-7)");
    }

    [Fact]
    public void A_cancelled_sampler_stops_before_its_next_step()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var smoother = new SphereKernelSmoothingScore([[0.0, 0.6, 0.8]]);
        Assert.Throws<OperationCanceledException>(() => ManifoldReverseSampler.Sample(new UnitSphere(2), smoother, GeometricGrid(3, 0.01, 20), 4,
            ManifoldSamplerKind.GeodesicEulerMaruyama, Seed, cancelled.Token));
    }
}
