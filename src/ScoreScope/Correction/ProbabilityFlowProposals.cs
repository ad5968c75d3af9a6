using ScoreScope.Likelihood;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Scores;
using ScoreScope.Sampling;
using static TorchSharp.torch;

namespace ScoreScope.Correction;

/// <summary>
/// A model's samples with their exact density: z ~ N(0, σ_p²I) at T is carried to t_min by the probability-flow ODE
/// x = Φ(z), and the change of variables along the same solve gives log q(x) = log N(z; 0, σ_p²I) − ∫_T^{t_min} ∇·v dt
/// (Chen et al. 2018; Song et al. 2021, §4.3) with the exact divergence. This is the proposal of an independence
/// Metropolis–Hastings chain or of importance sampling (flow-based MCMC for lattice field theory: Albergo, Kanwar &amp;
/// Shanahan 2019, Phys. Rev. D 100, 034515, Eq. 7–8; Nicoli et al. 2020, Phys. Rev. E 101, 023304).
/// </summary>
/// <remarks>
/// Only the exact divergence gives an exact correction: a Hutchinson estimate of log q makes the Metropolis ratio a
/// noisy (and, through the exponential, biased) estimate and the chain no longer has the target as its stationary law.
/// The density is that of the numerical flow map up to the ODE tolerance; tighten --rtol/--atol until the corrected
/// observables no longer move. q is the density of x at t_min (no final Tweedie step, which is not invertible here).
/// </remarks>
public sealed class ProbabilityFlowProposals
{
    /// <summary>Binds a score and its process.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For t_min outside (0, T), invalid tolerances or a batch size &lt; 1.</exception>
    public ProbabilityFlowProposals(IScoreFunction score, ForwardProcess process, double minimumTime = TimeGrid.DefaultMinimumTime,
        OdeTolerances? tolerances = null, long batchSize = 1000)
    {
        Score = score ?? throw new ArgumentNullException(nameof(score));
        Process = process ?? throw new ArgumentNullException(nameof(process));
        if (!(minimumTime > 0) || !(minimumTime < process.EndTime))
            throw new ArgumentOutOfRangeException(nameof(minimumTime), minimumTime, $"t_min must lie in (0, T) = (0, {process.EndTime}).");
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        MinimumTime = minimumTime;
        Tolerances = tolerances ?? new OdeTolerances();
        Tolerances.Validate();
        BatchSize = batchSize;
    }

    /// <summary>The model's score.</summary>
    public IScoreFunction Score { get; }

    /// <summary>The forward process.</summary>
    public ForwardProcess Process { get; }

    /// <summary>t_min, the time of the proposals.</summary>
    public double MinimumTime { get; }

    /// <summary>Error control of the ODE solve.</summary>
    public OdeTolerances Tolerances { get; }

    /// <summary>Proposals solved together.</summary>
    public long BatchSize { get; }

    /// <summary>Draws <paramref name="count"/> proposals of event shape <paramref name="eventShape"/> from prior draws seeded by <paramref name="seed"/>.</summary>
    /// <param name="count">The number of proposals, ≥ 1.</param>
    /// <param name="eventShape">The shape of one proposal.</param>
    /// <param name="seed">The seed of the prior draws.</param>
    /// <param name="device">Where the solve runs (default CPU).</param>
    /// <param name="cancellationToken">Checked by the ODE solver.</param>
    /// <param name="progress">Told, after each batch, how many proposals are solved and the function evaluations so far.</param>
    /// <exception cref="OdeStepLimitException">When the ODE solve fails.</exception>
    public FlowProposals Draw(long count, long[] eventShape, ulong seed, Device? device = null, CancellationToken cancellationToken = default,
        IProgress<(long Solved, long FunctionEvaluations)>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentNullException.ThrowIfNull(eventShape);
        using var generator = Seeds.Generator(seed);
        using var outer = NewDisposeScope();
        var prior = Process.SamplePrior([count, .. eventShape], generator).to(device ?? CPU);
        var points = new List<Tensor>();
        var densities = new List<Tensor>();
        long evaluations = 0;
        for (long first = 0; first < count; first += BatchSize)
        {
            using var scope = NewDisposeScope();
            var z = prior.narrow(0, first, Math.Min(BatchSize, count - first));
            var (x, integral, solution) = AugmentedProbabilityFlow.Solve(Score, Process, z, Process.EndTime, MinimumTime, null, Tolerances, cancellationToken);
            evaluations += solution.FunctionEvaluations;
            points.Add(x.MoveToOuterDisposeScope());
            densities.Add(Process.PriorLogDensity(z).Subtract(integral.squeeze(1)).MoveToOuterDisposeScope());
            progress?.Report((Math.Min(count, first + BatchSize), evaluations));
        }
        return new FlowProposals(cat(points, 0).MoveToOuterDisposeScope(), cat(densities, 0).MoveToOuterDisposeScope(),
            prior.MoveToOuterDisposeScope(), evaluations);
    }
}
