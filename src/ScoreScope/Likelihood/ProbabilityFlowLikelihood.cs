using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Scores;
using static TorchSharp.torch;

namespace ScoreScope.Likelihood;

/// <summary>
/// The exact log-likelihood of a score-based model through its probability-flow ODE (Song et al. 2021, §4.3 and
/// Appendix D.2, Eq. 39; Chen et al. 2018 instantaneous change of variables): along dx/dt = v(x, t) = f(t)x − ½g(t)²s(x, t),
/// d log p_t(x(t))/dt = −∇·v, so
/// log p_{t_min}(x) = log p_T(x(T)) + ∫_{t_min}^T ∇·v(x(t), t) dt,  ∇·v = f(t)·D − ½g(t)²·∇·s.
/// x and the integral are solved together from t_min to T with <see cref="DormandPrince45"/> (score_sde
/// <c>likelihood.get_likelihood_fn</c> with scipy RK45), the divergence exactly or by Hutchinson probes.
/// </summary>
/// <remarks>
/// With Hutchinson's estimator each of the K probes carries its own integral along the common path, so the K
/// estimates of log p are independent given x and their spread gives a standard error per point. The probes are held
/// fixed along the path (FFJORD), which makes each estimate an unbiased estimate of the integral.
/// p_T is the prior N(0, σ_p²I) unless <see cref="LikelihoodOptions.TerminalLogDensity"/> says otherwise; the difference
/// between the true p_T and the prior (the "prior mismatch") is part of the model's likelihood, not of the solver's error.
/// </remarks>
public sealed class ProbabilityFlowLikelihood
{
    /// <summary>Binds a score, its process and the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For invalid options or t_min ≥ T.</exception>
    public ProbabilityFlowLikelihood(IScoreFunction score, ForwardProcess process, LikelihoodOptions? options = null)
    {
        Score = score ?? throw new ArgumentNullException(nameof(score));
        Process = process ?? throw new ArgumentNullException(nameof(process));
        Options = options ?? new LikelihoodOptions();
        Options.Validate();
        if (!(Options.MinimumTime < process.EndTime))
            throw new ArgumentOutOfRangeException(nameof(options), Options.MinimumTime, $"t_min must be < T = {process.EndTime} for {process}.");
    }

    /// <summary>The score s(x, t).</summary>
    public IScoreFunction Score { get; }

    /// <summary>The forward process.</summary>
    public ForwardProcess Process { get; }

    /// <summary>The options.</summary>
    public LikelihoodOptions Options { get; }

    /// <summary>log p_{t_min}(x) for every row of <paramref name="points"/> [N, …event].</summary>
    /// <exception cref="ArgumentException">For points without rows or a score that is not differentiable.</exception>
    /// <exception cref="OdeStepLimitException">When the ODE solve fails.</exception>
    public LikelihoodResult Evaluate(Tensor points, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.dim() < 2 || points.shape[0] < 1)
            throw new ArgumentException($"points must have shape [N ≥ 1, …event]; got {Shapes.Format(points)}.", nameof(points));
        long count = points.shape[0];
        var logLikelihood = new List<Tensor>();
        var standardErrors = new List<Tensor>();
        var terminalDensities = new List<Tensor>();
        var terminals = new List<Tensor>();
        long evaluations = 0, accepted = 0, rejected = 0;
        using var outer = NewDisposeScope();
        for (long first = 0; first < count; first += Options.BatchSize)
        {
            using var scope = NewDisposeScope();
            long size = Math.Min(Options.BatchSize, count - first);
            var batch = points.narrow(0, first, size).to_type(ScalarType.Float64);
            var (logP, se, terminalLogP, terminal, solution) = EvaluateBatch(batch, first, cancellationToken);
            evaluations += solution.FunctionEvaluations;
            accepted += solution.AcceptedSteps;
            rejected += solution.RejectedSteps;
            logLikelihood.Add(logP.MoveToOuterDisposeScope());
            if (se is not null) standardErrors.Add(se.MoveToOuterDisposeScope());
            terminalDensities.Add(terminalLogP.MoveToOuterDisposeScope());
            terminals.Add(terminal.MoveToOuterDisposeScope());
        }
        var result = new LikelihoodResult(
            cat(logLikelihood, 0).MoveToOuterDisposeScope(),
            standardErrors.Count == 0 ? null : cat(standardErrors, 0).MoveToOuterDisposeScope(),
            cat(terminalDensities, 0).MoveToOuterDisposeScope(),
            cat(terminals, 0).MoveToOuterDisposeScope(),
            evaluations, accepted, rejected);
        return result;
    }

    (Tensor LogP, Tensor? StandardError, Tensor TerminalLogP, Tensor Terminal, OdeSolution Solution) EvaluateBatch(
        Tensor x, long first, CancellationToken cancellationToken)
    {
        bool hutchinson = Options.Divergence == DivergenceMethod.Hutchinson;
        int columns = hutchinson ? Options.Probes : 1;
        Tensor? probes = null;
        if (hutchinson)
        {
            using var generator = Seeds.Generator(Seeds.Derive(Options.Seed, (ulong)first));
            probes = ScoreDivergence.DrawProbes(Options.ProbeDistribution, Options.Probes, x.shape, generator, x.device);
        }
        var (terminal, integrals, solution) = AugmentedProbabilityFlow.Solve(Score, Process, x, Options.MinimumTime, Process.EndTime,
            probes, Options.Tolerances, cancellationToken);
        var terminalLogP = Options.TerminalLogDensity is { } density ? density(terminal).to_type(ScalarType.Float64) : Process.PriorLogDensity(terminal);
        var estimates = integrals.Add(terminalLogP.unsqueeze(1));
        var logP = estimates.mean([1]);
        Tensor? se = hutchinson && columns > 1 ? estimates.std(1, unbiased: true).Divide(Math.Sqrt(columns)) : null;
        return (logP, se, terminalLogP, terminal, solution);
    }
}
