using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Numerics;

public sealed class DormandPrince45Tests
{
    /// <summary>y' = λ(t)·y with λ(t) = −1 − sin t per row scale c_b: y(t) = y₀·exp(c_b(−(t − t₀) + cos t − cos t₀)).</summary>
    static Tensor Exact(Tensor y0, Tensor c, double t0, double t1) =>
        y0 * c.Multiply(-(t1 - t0) + Math.Cos(t1) - Math.Cos(t0)).exp().unsqueeze(1);

    static OdeSolution Solve(Tensor y0, Tensor c, double t0, double t1, double tolerance) =>
        DormandPrince45.Solve((t, y) => y * c.Multiply(-1 - Math.Sin(t)).unsqueeze(1), y0, t0, t1, new OdeTolerances(tolerance, tolerance));

    [Theory]
    [InlineData(0.0, 2.0)]
    [InlineData(2.0, 0.0)]
    public void Error_follows_the_tolerance_forwards_and_backwards(double t0, double t1)
    {
        using var scope = NewDisposeScope();
        var c = tensor(new[] { 0.5, 1.0, 3.0 }, dtype: ScalarType.Float64);
        var y0 = tensor(new double[,] { { 1, -2 }, { 0.3, 4 }, { 2, 1 } }, dtype: ScalarType.Float64);
        var exact = Exact(y0, c, t0, t1);
        double previousError = double.PositiveInfinity;
        int previousEvaluations = 0;
        foreach (double tolerance in new[] { 1e-4, 1e-6, 1e-8, 1e-10 })
        {
            var solution = Solve(y0, c, t0, t1, tolerance);
            double error = (solution.State - exact).abs().max().item<double>();
            // The local error per unit step is controlled, the global error accumulates a few of them: allow 20·tol.
            Assert.True(error < 20 * tolerance * Math.Max(1, exact.abs().max().item<double>()),
                $"tolerance {tolerance}: max error {error:E3} (NFE {solution.FunctionEvaluations})");
            Assert.True(error < previousError, $"error did not fall with the tolerance: {error:E3} after {previousError:E3}");
            Assert.True(solution.FunctionEvaluations > previousEvaluations);
            Assert.Equal(1 + 1 + 6 * (solution.AcceptedSteps + solution.RejectedSteps), solution.FunctionEvaluations);
            previousError = error;
            previousEvaluations = solution.FunctionEvaluations;
        }
    }

    [Fact]
    public void Fifth_order_pair_is_exact_for_quartic_polynomials_in_one_step()
    {
        // y' = 5t⁴ has y = t⁵: the 5th-order weights integrate polynomials of degree ≤ 4 exactly, so any step is exact.
        using var scope = NewDisposeScope();
        var y0 = zeros(1, 1, dtype: ScalarType.Float64);
        var solution = DormandPrince45.Solve((t, y) => ones_like(y).Multiply(5 * Math.Pow(t, 4)), y0, 0, 1.5, new OdeTolerances(1e-3, 1e-3));
        Assert.Equal(Math.Pow(1.5, 5), solution.State.item<double>(), 12);
    }

    [Fact]
    public void Every_row_meets_the_tolerance_not_only_the_batch_average()
    {
        // One fast row (c = 40) beside 99 slow rows: a batch-RMS norm would let the fast row's error be 10× the tolerance.
        using var scope = NewDisposeScope();
        var c = cat([ScalarArithmetic.Full([99], 0.1, ScalarType.Float64), tensor(new[] { 40.0 }, dtype: ScalarType.Float64)], 0);
        var y0 = ones(100, 1, dtype: ScalarType.Float64);
        var solution = Solve(y0, c, 0, 0.2, 1e-7);
        double fastError = (solution.State[99] - Exact(y0, c, 0, 0.2)[99]).abs().item<double>();
        Assert.True(fastError < 2e-6, $"fast row error {fastError:E3}");
    }

    [Fact]
    public void Input_is_not_modified_and_invalid_arguments_are_named()
    {
        using var scope = NewDisposeScope();
        var y0 = ones(2, 3, dtype: ScalarType.Float64);
        var copy = y0.clone();
        DormandPrince45.Solve((t, y) => y.neg(), y0, 0, 1, new OdeTolerances());
        Assert.True(y0.eq(copy).all().item<bool>());
        var rtol = Assert.Throws<ArgumentOutOfRangeException>(() => DormandPrince45.Solve((t, y) => y, y0, 0, 1, new OdeTolerances(Relative: 0)));
        Assert.Contains("rtol", rtol.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => DormandPrince45.Solve((t, y) => y, y0, 0, 1, new OdeTolerances(Absolute: -1)));
        Assert.Throws<ArgumentException>(() => DormandPrince45.Solve((t, y) => y, y0, 1, 1, new OdeTolerances()));
        Assert.Throws<ArgumentException>(() => DormandPrince45.Solve((t, y) => y.sum(), y0, 0, 1, new OdeTolerances()));
    }

    [Fact]
    public void Blow_up_stops_with_the_time_reached()
    {
        // y' = y², y(0) = 1 blows up at t = 1.
        using var scope = NewDisposeScope();
        var y0 = ones(1, 1, dtype: ScalarType.Float64);
        var error = Assert.Throws<OdeStepLimitException>(() =>
            DormandPrince45.Solve((t, y) => y * y, y0, 0, 2, new OdeTolerances(1e-8, 1e-8, MaximumSteps: 2000)));
        Assert.InRange(error.TimeReached, 0.9, 1.001); // the singularity at t = 1, to the resolution of the step control
    }
}
