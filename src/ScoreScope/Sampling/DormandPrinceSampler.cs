using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Scores;
using static TorchSharp.torch;

namespace ScoreScope.Sampling;

/// <summary>
/// The probability-flow ODE dx/dt = f(t)x − ½g(t)²s(x, t) (Song et al. 2021, Eq. 13) solved with the adaptive
/// Dormand–Prince 5(4) pair (<see cref="DormandPrince45"/>) from times[0] to times[^1] under error control — score_sde's
/// <c>get_ode_sampler</c> (scipy <c>solve_ivp(method='RK45')</c>) with rtol = atol = 10⁻⁵ by default. The grid's
/// interior points are not used: the solver chooses its own steps. Deterministic.
/// </summary>
/// <remarks>
/// The error norm is per sample and maximised over the batch (<see cref="OdeTolerances"/>), so every sample meets the
/// tolerance; the steps are shared by the batch, so results depend on the batch composition at the level of the
/// tolerance (not bit for bit independent of the batch size, unlike the fixed-grid samplers). <see cref="Statistics"/>
/// accumulates the number of score evaluations over every call. <c>onStep</c> is called once, at times[0].
/// </remarks>
public sealed class DormandPrinceSampler : ISampler
{
    long _evaluations, _accepted, _rejected;

    /// <summary>Creates the sampler with the given error control.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For invalid tolerances.</exception>
    public DormandPrinceSampler(OdeTolerances? tolerances = null)
    {
        Tolerances = tolerances ?? new OdeTolerances();
        Tolerances.Validate();
    }

    /// <summary>rtol, atol and the step limit.</summary>
    public OdeTolerances Tolerances { get; }

    /// <summary>Score evaluations (NFE), accepted and rejected steps summed over every batch sampled so far.</summary>
    public (long FunctionEvaluations, long AcceptedSteps, long RejectedSteps) Statistics =>
        (Interlocked.Read(ref _evaluations), Interlocked.Read(ref _accepted), Interlocked.Read(ref _rejected));

    /// <inheritdoc/>
    /// <exception cref="OdeStepLimitException">When the solver cannot reach times[^1].</exception>
    public Tensor Sample(IScoreFunction score, ForwardProcess process, Tensor x, IReadOnlyList<double> times,
        NoiseStream? noise, Action<SamplerStep>? onStep = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(x);
        SamplerMath.ThrowIfInvalidTimes(process, times);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var start = x.to_type(ScalarType.Float64);
        if (onStep is not null) SamplerMath.Report(onStep, process, 0, times[0], start, SamplerMath.Score(score, start, times[0]));
        var solution = DormandPrince45.Solve(
            (t, state) => process.ProbabilityFlowDrift(state, t, SamplerMath.Score(score, state, t)),
            start, times[0], times[^1], Tolerances, cancellationToken);
        Interlocked.Add(ref _evaluations, solution.FunctionEvaluations);
        Interlocked.Add(ref _accepted, solution.AcceptedSteps);
        Interlocked.Add(ref _rejected, solution.RejectedSteps);
        return solution.State.MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public override string ToString() => $"Dormand–Prince 5(4) (probability-flow ODE, rtol = {Tolerances.Relative}, atol = {Tolerances.Absolute})";
}
