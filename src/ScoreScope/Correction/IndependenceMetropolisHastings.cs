using ScoreScope.Numerics;
using TorchSharp;
using static TorchSharp.torch;

namespace ScoreScope.Correction;

/// <summary>
/// Independence Metropolis–Hastings (Tierney 1994, Ann. Statist. 22, 1701, §2.3.3; Liu 1996): proposals x′ ~ q
/// independent of the current state x are accepted with probability min(1, w(x′)/w(x)), w = π/q, π the target's
/// unnormalised density. The chain's stationary law is π exactly (for the exact q); its efficiency is that of the
/// importance weights. With a flow proposal this is the exact correction of flow-based lattice sampling (Albergo et al.
/// 2019, Eq. 8).
/// </summary>
public static class IndependenceMetropolisHastings
{
    /// <summary>
    /// Runs the chain through the proposals in order: step 0 takes proposal 0, step i accepts proposal i with probability
    /// min(1, exp(log w_i − log w_current)) using one uniform draw per step from <paramref name="generator"/>.
    /// </summary>
    /// <param name="logWeights">log π(x_i) − log q(x_i) per proposal, [N] (any additive constant).</param>
    /// <param name="generator">Source of the uniform draws.</param>
    /// <exception cref="ArgumentException">For an empty or non-1-D tensor, or a NaN/+∞ weight.</exception>
    public static MetropolisChain Run(Tensor logWeights, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(logWeights);
        ArgumentNullException.ThrowIfNull(generator);
        if (logWeights.dim() != 1 || logWeights.shape[0] < 1)
            throw new ArgumentException($"log weights must be a non-empty [N] tensor; got {Shapes.Format(logWeights)}.", nameof(logWeights));
        var w = logWeights.to_type(ScalarType.Float64).cpu().data<double>().ToArray();
        int bad = Array.FindIndex(w, v => double.IsNaN(v) || double.IsPositiveInfinity(v));
        if (bad >= 0)
            throw new ArgumentException($"log weight {bad} is {w[bad]}; every proposal needs a finite (or −∞) log π − log q.", nameof(logWeights));
        using var uniforms = rand([w.Length], dtype: ScalarType.Float64, generator: generator);
        var u = uniforms.data<double>().ToArray();
        var states = new int[w.Length];
        int current = 0;
        long accepted = 0;
        for (int i = 1; i < w.Length; i++)
        {
            double logRatio = w[i] - w[current];
            if (logRatio >= 0 || Math.Log(u[i]) < logRatio)
            {
                current = i;
                accepted++;
            }
            states[i] = current;
        }
        return new MetropolisChain(states, accepted);
    }

    /// <summary>
    /// The correction of proposals with exact log-densities: log w = log π − log q (all finite, else
    /// <see cref="InvalidOperationException"/> naming <paramref name="failure"/>), the chain of <see cref="Run"/> with
    /// uniforms from the stream <c>Seeds.Derive(seed, "metropolis")</c>, and the importance weights.
    /// </summary>
    /// <param name="logTarget">log π per proposal, [N] (any additive constant).</param>
    /// <param name="logProposal">log q per proposal, [N].</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="failure">What a non-finite weight means, for the message (e.g. "the flow diverged").</param>
    /// <exception cref="InvalidOperationException">When a log weight is not finite.</exception>
    public static (Tensor LogWeights, MetropolisChain Chain, ImportanceWeights Weights) Correct(Tensor logTarget, Tensor logProposal, ulong seed, string failure)
    {
        ArgumentNullException.ThrowIfNull(logTarget);
        ArgumentNullException.ThrowIfNull(logProposal);
        using var scope = NewDisposeScope();
        var logWeights = logTarget.to_type(ScalarType.Float64).cpu() - logProposal.to_type(ScalarType.Float64).cpu();
        if (!logWeights.isfinite().all().item<bool>())
            throw new InvalidOperationException($"a proposal has a non-finite log weight ({failure})");
        using var generator = Seeds.Generator(Seeds.Derive(seed, "metropolis"));
        var chain = Run(logWeights, generator);
        var weights = ImportanceWeights.FromLogWeights(logWeights);
        return (logWeights.MoveToOuterDisposeScope(), chain, weights with { Normalised = weights.Normalised.MoveToOuterDisposeScope() });
    }
}
