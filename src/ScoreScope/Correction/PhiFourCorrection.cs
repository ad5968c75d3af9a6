using System.Diagnostics;
using ScoreScope.Lattice;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Scores;
using static TorchSharp.torch;

namespace ScoreScope.Correction;

/// <summary>
/// Exact correction of a lattice φ⁴ diffusion model (docs/science/cumulants.md §6, "Exact correction"; issue 17): N
/// proposals φ' = Φ(z) of the probability-flow map with their exact log q from the same Dormand–Prince solve
/// (<see cref="ProbabilityFlowProposals"/>, exact divergence), the target log π' = −S[N⁻¹(φ')] + const
/// (<see cref="PhiFourTarget"/>), an independence Metropolis–Hastings chain over them and importance weights — the
/// correction of flow-based lattice samplers (Albergo, Kanwar &amp; Shanahan 2019, Phys. Rev. D 100, 034515, Eq. 7–8;
/// Nicoli et al. 2020, Phys. Rev. E 101, 023304, Eq. 12). The target is e^{−S} itself, not its smoothing to t_min:
/// the chain is exact for any proposal with an exact density; the smoothing only lowers the acceptance.
/// </summary>
public static class PhiFourCorrection
{
    /// <summary>The observables compared: ⟨|M|⟩, χ = V(⟨M²⟩ − ⟨|M|⟩²), U = 1 − ⟨M⁴⟩/(3⟨M²⟩²).</summary>
    public static IReadOnlyList<string> Observables { get; } = ["|M|", "chi", "U"];

    /// <summary>
    /// Draws <paramref name="count"/> proposals from <paramref name="score"/> under <paramref name="process"/> (seeded by
    /// <paramref name="seed"/>: prior draws and Metropolis uniforms on derived streams) and corrects them to <paramref name="target"/>.
    /// </summary>
    /// <param name="score">The proposing score.</param>
    /// <param name="process">Its forward process.</param>
    /// <param name="target">The lattice target e^(−S), with the normalisation Jacobian.</param>
    /// <param name="count">The number of proposals, ≥ 2.</param>
    /// <param name="seed">The seed of the prior draws and the Metropolis uniforms.</param>
    /// <param name="minimumTime">t_min of the proposals.</param>
    /// <param name="tolerances">rtol and atol of the Dormand–Prince solve.</param>
    /// <param name="batchSize">Proposals solved together.</param>
    /// <param name="cancellationToken">Checked by the ODE solver.</param>
    /// <param name="progress">Told, after each batch of proposals, how many are solved and the function evaluations so far.</param>
    /// <exception cref="ArgumentException">When the target's event shape is not a valid batch shape.</exception>
    /// <exception cref="InvalidOperationException">When a proposal has a non-finite log weight.</exception>
    public static PhiFourCorrectionResult Run(IScoreFunction score, ForwardProcess process, PhiFourTarget target, int count, ulong seed,
        double minimumTime, OdeTolerances tolerances, long batchSize, CancellationToken cancellationToken = default,
        IProgress<(long Solved, long FunctionEvaluations)>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        var clock = Stopwatch.StartNew();
        using var scope = NewDisposeScope();
        var flow = new ProbabilityFlowProposals(score, process, minimumTime, tolerances, batchSize);
        var proposals = flow.Draw(count, target.EventShape, Seeds.Derive(seed, "prior"), cancellationToken: cancellationToken, progress: progress);
        var points = proposals.Points.cpu();
        var logTarget = target.LogDensity(points);
        var (logWeights, chain, weights) = IndependenceMetropolisHastings.Correct(logTarget, proposals.LogDensity, seed,
            "the flow diverged or left the field range");

        var lattice = target.Action.Lattice;
        int volume = lattice.Volume;
        var fields = target.PhysicalFields(points);
        var raw = LatticeObservables.Measure(new FieldEnsemble(fields, lattice), target.Action);
        var chainFields = new double[(long)chain.States.Length * volume];
        for (int i = 0; i < chain.States.Length; i++)
            Array.Copy(fields, (long)chain.States[i] * volume, chainFields, (long)i * volume, volume);
        var corrected = LatticeObservables.Measure(new FieldEnsemble(chainFields, lattice), target.Action);
        var reweighted = Reweight(weights, fields, volume);
        var result = new PhiFourCorrectionResult(
            proposals with
            {
                Points = proposals.Points.MoveToOuterDisposeScope(),
                LogDensity = proposals.LogDensity.MoveToOuterDisposeScope(),
                Prior = proposals.Prior.MoveToOuterDisposeScope(),
            },
            logTarget.MoveToOuterDisposeScope(), logWeights.MoveToOuterDisposeScope(), chain,
            weights with { Normalised = weights.Normalised.MoveToOuterDisposeScope() },
            raw, corrected, reweighted, clock.Elapsed.TotalSeconds);
        return result;
    }

    /// <summary>⟨|M|⟩, χ and U under the importance weights, from the per-proposal primaries |M|, M², M⁴.</summary>
    static ReweightedObservable[] Reweight(ImportanceWeights weights, double[] fields, int volume)
    {
        int n = fields.Length / volume;
        var absM = new double[n];
        var m2 = new double[n];
        var m4 = new double[n];
        for (int i = 0; i < n; i++)
        {
            double m = 0;
            for (int x = 0; x < volume; x++) m += fields[(long)i * volume + x];
            m /= volume;
            absM[i] = Math.Abs(m);
            m2[i] = m * m;
            m4[i] = m2[i] * m2[i];
        }
        double[][] primaries = [absM, m2, m4];
        var functions = new (string Name, Func<double[], double> F)[]
        {
            ("|M|", a => a[0]),
            ("chi", a => volume * (a[1] - a[0] * a[0])),
            ("U", a => 1 - a[2] / (3 * a[1] * a[1])),
        };
        return functions.Select(f =>
        {
            var (value, error) = weights.Estimate(primaries, f.F);
            return new ReweightedObservable(f.Name, value, error);
        }).ToArray();
    }
}
