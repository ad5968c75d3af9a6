using ScoreScope.Likelihood;
using ScoreScope.Numerics;
using ScoreScope.Scores;
using ScoreScope.Semigroups;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Semigroups;

/// <summary>
/// Oracles of <see cref="TorusProbabilityFlowLikelihood"/> (issue 16, 6b; docs/science/operator-informed.md §4): with the
/// exact score of the heat-kernel KDE of a small point set (one point: a single wrapped Gaussian) the ODE log-likelihood
/// equals the closed-form log ρ̂_{t_min} within 1e-4 nats per point on average at tight tolerance, and the error falls as
/// the tolerance tightens, with the uniform terminal density at T = 20 and with the exact one (<see cref="TorusSmoothedEmpiricalDensity"/>)
/// at T = 1; uniform data has log p = −D·log 2π exactly.
/// </summary>
public sealed class TorusLikelihoodTests(Xunit.Abstractions.ITestOutputHelper output)
{
    const double MinimumTime = 0.05;
    static readonly double[][] Plane = [[0.3, 0.5], [1.2, 1.0], [2.0, 2.4], [4.1, 3.9], [5.0, 5.3]];

    /// <summary>
    /// The exact DKS score ∇log Σ_i k_t(x, x_i) of the points as differentiable tensor operations (wrapped Gaussian with
    /// images |m| ≤ M, enough for t ≤ 25): x [B, D] → [B, D].
    /// </summary>
    static Tensor KernelSmoothingScore(double[][] data, Tensor x, double t)
    {
        using var scope = NewDisposeScope();
        int n = data.Length, d = data[0].Length, images = 12;
        var p = tensor(data.SelectMany(v => v).ToArray(), [n, d], dtype: ScalarType.Float64);
        var delta = x.unsqueeze(1).Subtract(p.unsqueeze(0));                                          // [B, n, D]
        delta = delta.Subtract(delta.Divide(2 * Math.PI).round().Multiply(2 * Math.PI));
        var shifts = ScalarArithmetic.Arange(-images, images + 1, ScalarType.Float64).Multiply(2 * Math.PI);
        var u = delta.unsqueeze(-1).Add(shifts);                                                       // [B, n, D, I]
        var exponent = u.Square().Multiply(-1 / (4 * t));
        var logKernel = exponent.logsumexp(-1);                                                        // log k up to a constant, [B, n, D]
        var derivative = softmax(exponent, -1).mul(u).sum(-1).Multiply(-1 / (2 * t));                 // d/dδ log k
        var weights = softmax(logKernel.sum(-1), 1);                                                   // [B, n]
        return weights.unsqueeze(-1).mul(derivative).sum(1).MoveToOuterDisposeScope();
    }

    /// <summary>200 draws of ρ̂_{t_min}: a data point plus √(2t_min)·z (not wrapped: the likelihood accepts any representative).</summary>
    static Tensor Draws(double[][] data, int count, ulong seed)
    {
        using var g = Seeds.Generator(seed);
        using var scope = NewDisposeScope();
        var index = randint(0, data.Length, [count], dtype: ScalarType.Int64, generator: g);
        var p = tensor(data.SelectMany(v => v).ToArray(), [data.Length, data[0].Length], dtype: ScalarType.Float64);
        var z = randn([count, data[0].Length], dtype: ScalarType.Float64, generator: g);
        return p.index_select(0, index).Add(z.Multiply(Math.Sqrt(2 * MinimumTime))).MoveToOuterDisposeScope();
    }

    static double[] ClosedForm(double[][] data, Tensor points, double time)
    {
        var smoother = new TorusKernelSmoothingScore(data);
        var x = points.data<double>().ToArray();
        var s = new double[2];
        return [.. Enumerable.Range(0, (int)points.shape[0]).Select(i => smoother.Score(time, x.AsSpan(2 * i, 2), s) - 2 * Math.Log(2 * Math.PI))];
    }

    (double Mean, double Max, long Evaluations) Errors(double[][] data, Tensor points, double[] exact, double endTime, double tolerance, bool exactTerminal)
    {
        using var scope = NewDisposeScope();
        var terminal = new TorusSmoothedEmpiricalDensity(data, endTime);
        var likelihood = new TorusProbabilityFlowLikelihood((x, t) => KernelSmoothingScore(data, x, t), 2, endTime, new LikelihoodOptions
        {
            MinimumTime = MinimumTime,
            Tolerances = new OdeTolerances(tolerance, tolerance),
            TerminalLogDensity = exactTerminal ? terminal.LogDensity : null,
        });
        var result = likelihood.Evaluate(points);
        var errors = result.LogLikelihood.data<double>().ToArray().Select((v, i) => Math.Abs(v - exact[i])).ToArray();
        var wrapped = result.Terminal.data<double>().ToArray();
        Assert.All(wrapped, v => Assert.InRange(v, 0, 2 * Math.PI));
        return (errors.Average(), errors.Max(), result.FunctionEvaluations);
    }

    [Theory]
    [InlineData(5, 20.0, false)]
    [InlineData(5, 1.0, true)]
    [InlineData(1, 1.0, true)]
    public void The_exact_kernel_smoothing_score_recovers_the_closed_form_density(int pointCount, double endTime, bool exactTerminal)
    {
        var data = Plane.Take(pointCount).ToArray();
        using var scope = NewDisposeScope();
        var points = Draws(data, 200, 1606);
        var exact = ClosedForm(data, points, MinimumTime);
        var loose = Errors(data, points, exact, endTime, 1e-4, exactTerminal);
        var tight = Errors(data, points, exact, endTime, 1e-6, exactTerminal);
        string terminal = exactTerminal ? "exact KDE" : $"uniform (bound {TorusProbabilityFlowLikelihood.UniformTerminalBound(endTime, 2):E2})";
        output.WriteLine($"n = {pointCount}, T = {endTime}, terminal {terminal}: rtol = atol = 1e-4 mean {loose.Mean:E2} max {loose.Max:E2} NFE {loose.Evaluations}; " +
                         $"1e-6 mean {tight.Mean:E2} max {tight.Max:E2} NFE {tight.Evaluations}");
        Assert.InRange(tight.Mean, 0, 1e-4); // nats per point at rtol = atol = 1e-6
        Assert.True(tight.Mean < loose.Mean, $"the error did not fall as the tolerance tightened: {loose.Mean:E3} → {tight.Mean:E3}");
    }

    [Fact]
    public void The_tensor_oracle_score_is_the_library_kernel_smoothing_score()
    {
        var smoother = new TorusKernelSmoothingScore(Plane);
        using var scope = NewDisposeScope();
        var points = Draws(Plane, 20, 7);
        var x = points.data<double>().ToArray();
        foreach (double t in new[] { 0.05, 0.5, 3.0, 20.0 })
        {
            var s = KernelSmoothingScore(Plane, points, t).data<double>().ToArray();
            var reference = new double[2];
            for (int i = 0; i < 20; i++)
            {
                smoother.Score(t, x.AsSpan(2 * i, 2), reference);
                for (int j = 0; j < 2; j++) Assert.True(Math.Abs(s[2 * i + j] - reference[j]) < 1e-10, $"t = {t}, point {i}: {s[2 * i + j]:R} vs {reference[j]:R}");
            }
        }
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.3)]
    public void The_Fourier_terminal_density_is_the_heat_kernel_KDE(double time)
    {
        var density = new TorusSmoothedEmpiricalDensity(Plane, time);
        using var scope = NewDisposeScope();
        var points = Draws(Plane, 50, 11);
        var logP = density.LogDensity(points).data<double>().ToArray();
        var exact = ClosedForm(Plane, points, time);
        for (int i = 0; i < logP.Length; i++) Assert.True(Math.Abs(logP[i] - exact[i]) < 1e-12, $"point {i}: {logP[i]:R} vs {exact[i]:R}");
    }

    [Fact]
    public void Uniform_data_has_the_uniform_log_likelihood_exactly()
    {
        using var scope = NewDisposeScope();
        var points = Draws(Plane, 100, 3);
        var likelihood = new TorusProbabilityFlowLikelihood((x, t) => x.Multiply(0.0), 2, 5.0, new LikelihoodOptions { MinimumTime = 0.01 });
        var result = likelihood.Evaluate(points);
        double expected = -2 * Math.Log(2 * Math.PI);
        Assert.Equal(TorusProbabilityFlowLikelihood.UniformLogDensity(2), expected);
        Assert.All(result.LogLikelihood.data<double>().ToArray(), v => Assert.Equal(expected, v, 12));
        var wrapped = TorusProbabilityFlowLikelihood.Wrap(points).data<double>().ToArray();
        var terminal = result.Terminal.data<double>().ToArray();
        for (int i = 0; i < wrapped.Length; i++) Assert.Equal(wrapped[i], terminal[i], 12);
    }

    [Fact]
    public void The_uniform_terminal_bound_is_the_theta_series_excess()
    {
        double theta = 1 + 2 * (Math.Exp(-20) + Math.Exp(-80));
        Assert.Equal(-Math.Log(1 - (theta * theta - 1)), TorusProbabilityFlowLikelihood.UniformTerminalBound(20, 2), 1e-20);
        Assert.InRange(TorusProbabilityFlowLikelihood.UniformTerminalBound(20, 2), 8.2e-9, 8.3e-9);
        Assert.Equal(double.PositiveInfinity, TorusProbabilityFlowLikelihood.UniformTerminalBound(1, 2));
    }

    [Fact]
    public void The_differentiable_scores_equal_the_evaluation_scores()
    {
        var oism = new TorusFullBasisOism(Plane, 3);
        var alpha = oism.Coefficients(0.2);
        using var scope = NewDisposeScope();
        var points = Draws(Plane, 10, 5);
        var x = points.data<double>().ToArray();
        var s = oism.Score(alpha, points).data<double>().ToArray();
        var reference = new double[2];
        for (int i = 0; i < 10; i++)
        {
            oism.Score(alpha, x.AsSpan(2 * i, 2), reference);
            for (int j = 0; j < 2; j++) Assert.True(Math.Abs(s[2 * i + j] - reference[j]) < 1e-12, $"point {i}: {s[2 * i + j]:R} vs {reference[j]:R}");
        }
        using var g = Seeds.Generator(1);
        using var model = new TorusResidualScore(new PeriodicMlpScoreNetwork(2, new MlpOptions(Width: 16, Depth: 1), g), oism, [0.1, 0.2]);
        var input = points.detach().requires_grad_(true);
        var differentiable = model.DifferentiableScore(input, 0.3);
        Assert.True(differentiable.requires_grad);
        Assert.True(differentiable.detach().allclose(model.Score(points, 0.3), rtol: 0, atol: 1e-12));
    }

    [Fact]
    public void Bad_input_is_refused_with_the_value_named()
    {
        Func<Tensor, double, Tensor> zero = (x, t) => x.Multiply(0.0);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TorusProbabilityFlowLikelihood(zero, 0, 1.0));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new TorusProbabilityFlowLikelihood(zero, 2, 1e-3, new LikelihoodOptions { MinimumTime = 0.01 }));
        Assert.Equal("endTime", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TorusProbabilityFlowLikelihood(zero, 2, double.PositiveInfinity));
        var likelihood = new TorusProbabilityFlowLikelihood(zero, 2, 1.0);
        using var scope = NewDisposeScope();
        Assert.Throws<ArgumentException>(() => likelihood.Evaluate(zeros([4, 3], dtype: ScalarType.Float64)));
        Assert.Throws<ArgumentException>(() => likelihood.Evaluate(ScalarArithmetic.Full([4, 2], double.NaN, ScalarType.Float64)));
        var t = Assert.Throws<ArgumentOutOfRangeException>(() => new TorusSmoothedEmpiricalDensity(Plane, 0.0));
        Assert.Equal("time", t.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TorusSmoothedEmpiricalDensity(Plane, 1e-4));
        Assert.Throws<ArgumentOutOfRangeException>(() => TorusProbabilityFlowLikelihood.UniformTerminalBound(-1, 2));
    }
}
