using System.Globalization;
using ScoreScope.Likelihood;
using ScoreScope.Numerics;
using ScoreScope.Scores;
using static TorchSharp.torch;

namespace ScoreScope.Semigroups;

/// <summary>
/// The log-likelihood log p_{t_min}(x) on the flat torus T^D = [0, 2π)^D (density with respect to Lebesgue measure, so
/// the uniform law has log p = −D·log 2π) of the model defined by a score s(x, t) of the heat semigroup with generator Δ
/// (<see cref="TorusHeatKernel"/>: x_t = x₀ + √(2t)·z mod 2π), through its probability-flow ODE.
/// </summary>
/// <remarks>
/// <para>Derivation (docs/science/operator-informed.md §4; Song et al. 2021, §4.3 and Eq. 39; Chen et al. 2018, Theorem 1):
/// the forward law solves ∂_tρ = Δρ = ∇·(ρ∇log ρ_t), the continuity equation ∂_tρ + ∇·(ρv) = 0 with v = −∇log ρ_t, so the
/// probability flow is dx/dt = −c·s(x, t) with c = 1 (= ½g² for g = √2). Along it d log ρ_t(x(t))/dt = −∇·v = ∇·s, hence
/// log p_{t_min}(x) = log p_T(x(T) mod 2π) − ∫_{t_min}^T ∇·s(x(t), t) dt.</para>
/// <para>The ODE is solved on the covering space ℝ^D (the score is 2π-periodic, so no wrapping is needed on the way) by the
/// library's probability-flow solver (<see cref="ProbabilityFlowLikelihood"/> with the process dx = √2 dW: f = 0, g = √2;
/// Dormand–Prince 5(4), float64 state); x(T) is wrapped to [0, 2π)^D before the terminal density is applied. The
/// divergence is exact (D vector–Jacobian products) unless the options ask for Hutchinson's estimator.</para>
/// <para>Terminal density: at T the law is the heat semigroup applied to the data law,
/// p_T(x) = (2π)^{−D}(1 + Σ_{k≠0} e^{−|k|²T}φ̂(k)e^{ik·x}) with |φ̂(k)| ≤ 1. By default the uniform density (2π)^{−D} is
/// used, whose log is off by at most <see cref="UniformTerminalBound"/>(T, D) = −log(1 − ε), ε = θ(T)^D − 1,
/// θ(T) = Σ_{k∈ℤ}e^{−k²T} (8.2e-9 nats at T = 20, D = 2; useless at T = 1, where ε = 2.1); otherwise
/// <see cref="LikelihoodOptions.TerminalLogDensity"/> (e.g. <see cref="TorusSmoothedEmpiricalDensity"/>) receives the
/// wrapped x(T) and must return a log-density with respect to Lebesgue measure on [0, 2π)^D.</para>
/// </remarks>
public sealed class TorusProbabilityFlowLikelihood
{
    readonly ProbabilityFlowLikelihood _flow;

    /// <summary>Binds a score, the dimension, the end time T and the options.</summary>
    /// <param name="score">s(x, t): x [B, D] float64 (any representative of x mod 2π; it requires grad) → [B, D], built from
    /// differentiable tensor operations of x for the exact divergence, 2π-periodic in every coordinate.</param>
    /// <param name="dimension">D ≥ 1.</param>
    /// <param name="endTime">T &gt; t_min, finite, where the terminal density is applied.</param>
    /// <param name="options">t_min, tolerances, divergence method, batch size and the terminal log-density (null: uniform).</param>
    /// <exception cref="ArgumentOutOfRangeException">For D &lt; 1, T not finite or T ≤ t_min, or invalid options.</exception>
    public TorusProbabilityFlowLikelihood(Func<Tensor, double, Tensor> score, int dimension, double endTime, LikelihoodOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        options ??= new LikelihoodOptions();
        options.Validate();
        if (!double.IsFinite(endTime) || !(endTime > options.MinimumTime))
            throw new ArgumentOutOfRangeException(nameof(endTime), endTime, $"T must be finite and > t_min = {options.MinimumTime}.");
        Dimension = dimension;
        EndTime = endTime;
        Options = options;
        var terminal = options.TerminalLogDensity;
        double uniform = UniformLogDensity(dimension);
        _flow = new ProbabilityFlowLikelihood(new DelegateScore(score), new TorusHeatFlowProcess(endTime), options with
        {
            TerminalLogDensity = x =>
            {
                using var scope = NewDisposeScope();
                var wrapped = Wrap(x);
                var logP = terminal is null ? ScalarArithmetic.Full([x.shape[0]], uniform, ScalarType.Float64, x.device) : terminal(wrapped);
                return logP.to_type(ScalarType.Float64).MoveToOuterDisposeScope();
            },
        });
    }

    /// <summary>The dimension D.</summary>
    public int Dimension { get; }

    /// <summary>The end time T of the flow.</summary>
    public double EndTime { get; }

    /// <summary>The options as given (a null terminal density means uniform).</summary>
    public LikelihoodOptions Options { get; }

    /// <summary>
    /// log p_{t_min}(x) for every row of <paramref name="points"/> [N, D] (radians, any representative mod 2π); the result's
    /// <see cref="LikelihoodResult.Terminal"/> is x(T) wrapped to [0, 2π)^D.
    /// </summary>
    /// <exception cref="ArgumentException">For points not of shape [N ≥ 1, D], non-finite points or a score that is not differentiable.</exception>
    /// <exception cref="OdeStepLimitException">When the ODE solve fails.</exception>
    public LikelihoodResult Evaluate(Tensor points, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.dim() != 2 || points.shape[0] < 1 || points.shape[1] != Dimension)
            throw new ArgumentException($"points must have shape [N ≥ 1, {Dimension}]; got {Shapes.Format(points)}.", nameof(points));
        using (var scope = NewDisposeScope())
        {
            if (!points.isfinite().all().item<bool>())
                throw new ArgumentException("points must be finite.", nameof(points));
        }
        var result = _flow.Evaluate(points, cancellationToken);
        var wrapped = Wrap(result.Terminal);
        result.Terminal.Dispose();
        return result with { Terminal = wrapped };
    }

    /// <summary>log of the uniform density on [0, 2π)^D, −D·log 2π.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For D &lt; 1.</exception>
    public static double UniformLogDensity(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        return -dimension * Math.Log(2 * Math.PI);
    }

    /// <summary>
    /// The largest |log p_T(x) + D·log 2π| over every data law and every x: −log(1 − ε) with ε = θ(T)^D − 1 and
    /// θ(T) = Σ_{k∈ℤ}e^{−k²T} (the Fourier coefficients of any probability law have modulus ≤ 1); +∞ when ε ≥ 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">For T ≤ 0 or not finite, or D &lt; 1.</exception>
    public static double UniformTerminalBound(double time, int dimension)
    {
        SemigroupChecks.RequireTime(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        double theta = 1;
        for (int k = 1; k < 10_000; k++)
        {
            double term = 2 * Math.Exp(-(double)k * k * time);
            theta += term;
            if (term < 1e-18 * theta) break;
        }
        double epsilon = Math.Exp(dimension * Math.Log(theta)) - 1;
        // θ^D − 1 loses digits for small ε: expm1(D·log1p(θ − 1))
        epsilon = Math.Abs(epsilon) < 1e-3 ? dimension * (theta - 1) * (1 + (dimension - 1) * (theta - 1) / 2) : epsilon;
        return epsilon >= 1 ? double.PositiveInfinity : -Math.Log(1 - epsilon);
    }

    /// <summary>x mod 2π in [0, 2π), elementwise, float64 (a fresh tensor; x is not modified).</summary>
    public static Tensor Wrap(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        using var scope = NewDisposeScope();
        var y = x.to_type(ScalarType.Float64);
        var wrapped = y.Subtract(y.Divide(2 * Math.PI).floor().Multiply(2 * Math.PI));
        // rounding can leave exactly 2π for tiny negative inputs
        return wrapped.where(wrapped.Less(2 * Math.PI), zeros_like(wrapped)).MoveToOuterDisposeScope();
    }

    /// <summary>The score delegate as the <see cref="IScoreFunction"/> the generic solver differentiates.</summary>
    sealed class DelegateScore(Func<Tensor, double, Tensor> score) : IScoreFunction
    {
        public Tensor Score(Tensor x, double t) => score(x, t);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"torus probability-flow likelihood (D = {Dimension}, t_min = {Options.MinimumTime}, T = {EndTime})");
}
