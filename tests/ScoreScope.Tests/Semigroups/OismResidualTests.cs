using ScoreScope.Numerics;
using ScoreScope.Scores;
using ScoreScope.Semigroups;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Semigroups;

/// <summary>
/// Issue 16, deliverable 5: the full-basis torus OISM, the residual model s_θ = s̃_t + NN_θ, its DSM trainer and the
/// variance the OISM control removes (docs/science/operator-informed.md §3.1, §5.8).
/// </summary>
public sealed class OismResidualTests
{
    static readonly double[] Circle = [1.0, 1.3, 1.7, 2.2, 4.0, 4.4, 5.1];

    // five points on T² with dependence between the coordinates (not a product set)
    static readonly double[][] Plane = [[0.3, 0.5], [1.2, 1.0], [2.0, 2.4], [4.1, 3.9], [5.0, 5.3]];

    [Fact]
    public void In_one_dimension_the_full_basis_is_the_circle_basis()
    {
        var full = new TorusFullBasisOism(Circle.Select(x => new[] { x }).ToArray(), 5);
        var circle = CircleOism.FromSamples(Circle, 5);
        var a = full.Coefficients(0.3);
        var b = circle.Coefficients(0.3);
        Assert.Equal(b.Length, a.Length);
        for (int i = 0; i < a.Length; i++) Assert.True(Math.Abs(a[i] - b[i]) <= 1e-10 * (1 + Math.Abs(b[i])), $"α[{i}]: {a[i]:R} vs {b[i]:R}");
        var s = new double[1];
        foreach (double x in new[] { 0.1, 3.0, 5.9 })
        {
            full.Score(a, [x], s);
            Assert.True(Math.Abs(s[0] - CircleOism.Score(b, x)) <= 1e-10, $"s̃({x}) = {s[0]:R} vs {CircleOism.Score(b, x):R}");
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.05)]
    [InlineData(0.3)]
    public void The_two_dimensional_matrix_is_symmetric_positive_semidefinite(double time) =>
        SymmetricPositiveSemidefinite.Assert(new TorusFullBasisOism(Plane, 3).Matrix(time), $"A_t, t = {time}");

    [Fact]
    public void The_vector_vanishes_as_t_grows()
    {
        var oism = new TorusFullBasisOism(Plane, 3);
        Assert.True(oism.Vector(30).Max(Math.Abs) <= 1e-12);
        Assert.True(oism.Coefficients(30).All(double.IsFinite));
    }

    [Fact]
    public void The_full_basis_tends_to_the_kernel_smoothing_score_of_dependent_data()
    {
        // The §5.5 full-basis limit in two dimensions: E_{ρ̂_t}|s̃_t − s_DKS|² at t = 0.3 decreases in K, by more than three
        // orders of magnitude from K = 2 to K = 10 (measured 6.4e-2 → 1.05e-5; slower than on the circle, where log ρ̂_t is smoother).
        var smoother = new TorusKernelSmoothingScore(Plane);
        var errors = new[] { 2, 4, 6, 10 }.Select(k => WeightedError(new TorusFullBasisOism(Plane, k), smoother, 0.3)).ToArray();
        string text = $"errors for K = 2, 4, 6, 10: {string.Join(", ", errors.Select(e => e.ToString("G3")))}";
        for (int i = 1; i < errors.Length; i++) Assert.True(errors[i] < errors[i - 1], text);
        Assert.True(errors[^1] <= 1e-3 * errors[0], text);
    }

    [Fact]
    public void The_scaled_denoising_target_is_sigma_times_the_heat_kernel_score()
    {
        using var z = tensor(new[] { -2.5, -0.3, 0.0, 0.7, 3.1, 6.0 }, [6, 1], dtype: ScalarType.Float64);
        foreach (double t in new[] { 0.01, 0.3, 1.0, 2.0 })
        {
            double sigma = Math.Sqrt(2 * t);
            using var s = ScalarArithmetic.Full([6, 1], sigma, ScalarType.Float64);
            using var target = TorusDenoisingTrainer.ScaledTarget(z, s, (int)Math.Ceiling(sigma * 20 / (2 * Math.PI)) + 1);
            var values = target.data<double>().ToArray();
            var zs = z.data<double>().ToArray();
            for (int i = 0; i < 6; i++)
            {
                double expected = sigma * CircleHeatKernel.LogValueAndDerivative(t, sigma * zs[i]).LogDerivative;
                Assert.True(Math.Abs(values[i] - expected) <= 1e-10 * (1 + Math.Abs(expected)), $"t = {t}, z = {zs[i]}: {values[i]:R} vs {expected:R}");
            }
        }
    }

    [Fact]
    public void With_a_fresh_network_the_residual_model_is_exactly_the_oism_score()
    {
        var oism = new TorusFullBasisOism(Plane, 3);
        using var generator = Seeds.Generator(7);
        using var model = new TorusResidualScore(new PeriodicMlpScoreNetwork(2, new MlpOptions(Width: 32, Depth: 2, EmbeddingDimension: 16), generator), oism, [0.05, 0.3]);
        var points = new[] { 0.0, 0.0, 1.0, 2.0, 3.5, -1.0, 6.0, 4.0 };
        using var x = tensor(points, [4, 2], dtype: ScalarType.Float64);
        using var network = model.Network.forward(x, ScalarArithmetic.Full([4], TorusResidualScore.Condition(0.3), ScalarType.Float32));
        Assert.Equal(0.0, network.abs().max().item<float>());
        using var score = model.Score(x, 0.3);
        using var onGrid = model.ControlOnGrid(x, tensor(new long[] { 1, 1, 1, 1 }));
        var alpha = oism.Coefficients(0.3);
        var s = new double[2];
        var values = score.data<double>().ToArray();
        var grid = onGrid.data<double>().ToArray();
        for (int i = 0; i < 4; i++)
        {
            oism.Score(alpha, points.AsSpan(2 * i, 2), s);
            for (int j = 0; j < 2; j++)
            {
                Assert.True(Math.Abs(values[2 * i + j] - s[j]) <= 1e-12 * (1 + Math.Abs(s[j])), $"x{i}, j = {j}: {values[2 * i + j]:R} vs {s[j]:R}");
                Assert.True(Math.Abs(grid[2 * i + j] - s[j]) <= 1e-12 * (1 + Math.Abs(s[j])), $"grid x{i}, j = {j}");
            }
        }
    }

    [Fact]
    public void The_warm_start_regression_fits_the_oism_score_and_returns_a_network_only_model()
    {
        var oism = new TorusFullBasisOism(Plane, 2);
        var options = new TorusDenoisingOptions(OismNetworkMode.WarmStart, Steps: 150, BatchSize: 128, LearningRate: 3e-3, WarmStartSteps: 150,
            Network: new MlpOptions(Width: 64, Depth: 2, EmbeddingDimension: 16, EmbeddingScale: 30), Seed: 11);
        var result = TorusDenoisingTrainer.Train(Plane, oism, options);
        using var model = result.Model;
        Assert.False(model.HasControl);
        Assert.Equal(150, result.Losses.Count);
        double first = result.Losses[0], last = result.Losses.TakeLast(20).Average();
        Assert.True(last < 0.2 * first, $"regression loss {first:G4} → {last:G4}");
    }

    [Fact]
    public void The_oism_control_removes_the_fisher_information_from_the_denoising_target()
    {
        // Seed 20251201, n = 100 000 draws of N(1, 0.1²) at t = 0.01 (OU). With N = 2 the OISM score is the exact Gaussian
        // score of ρ_t = N(e^{−t}, e^{−2t}·0.01 + σ_t²), so E|u|² = 1/σ_t² and E|u − s̃|² = 1/σ_t² − 1/v_t; each is checked
        // within 4 standard errors of its sample mean.
        const int n = 100_000;
        const double time = 0.01;
        using var generator = Seeds.Generator(20251201);
        using var draws = randn([n, 1], dtype: ScalarType.Float64, generator: generator);
        var data = draws.data<double>().Select(z => new[] { 1 + 0.1 * z }).ToArray();
        var control = new ProductHermiteOism(data, 2);
        var estimate = DenoisingControlVariance.OrnsteinUhlenbeck(data, control, time, generator);
        double sigma2 = 1 - Math.Exp(-2 * time), v = Math.Exp(-2 * time) * 0.01 + sigma2;
        Assert.Equal(n, estimate.SampleSize);
        Assert.Equal(1 / sigma2, estimate.OracleSecondMoment, 12);
        Assert.True(Math.Abs(estimate.PlainSecondMoment - 1 / sigma2) <= 4 * estimate.PlainSecondMomentError,
            $"E|u|² = {estimate.PlainSecondMoment:G6} ± {estimate.PlainSecondMomentError:G3}, closed form {1 / sigma2:G6}");
        double controlled = 1 / sigma2 - 1 / v;
        Assert.True(Math.Abs(estimate.ControlledSecondMoment - controlled) <= 4 * estimate.ControlledSecondMomentError,
            $"E|u − s̃|² = {estimate.ControlledSecondMoment:G6} ± {estimate.ControlledSecondMomentError:G3}, closed form {controlled:G6}");
        Assert.True(estimate.GradientVarianceRatio < 0.4, $"gradient-variance ratio {estimate.GradientVarianceRatio:G4} (closed form {controlled * sigma2:G4})");
    }

    static double WeightedError(TorusFullBasisOism oism, TorusKernelSmoothingScore smoother, double time)
    {
        var alpha = oism.Coefficients(time);
        var s = new double[2];
        var o = new double[2];
        const int grid = 64;
        double error = 0;
        for (int i = 0; i < grid; i++)
            for (int j = 0; j < grid; j++)
            {
                double x = 2 * Math.PI * i / grid, y = 2 * Math.PI * j / grid;
                double density = Math.Exp(smoother.Score(time, [x, y], s));
                oism.Score(alpha, [x, y], o);
                error += density * ((o[0] - s[0]) * (o[0] - s[0]) + (o[1] - s[1]) * (o[1] - s[1]));
            }
        return error / (grid * grid);
    }
}
