using ScoreScope.Lattice;
using static TorchSharp.torch;

namespace ScoreScope.Correction;

/// <summary>The exact correction of a lattice model's probability-flow samples (<see cref="PhiFourCorrection"/>).</summary>
/// <param name="Proposals">The proposals φ' at t_min (normalised units) with their exact log q and the NFE.</param>
/// <param name="LogTarget">log π'(φ') per proposal, [N] float64.</param>
/// <param name="LogWeights">log π' − log q per proposal, [N] float64.</param>
/// <param name="Chain">The independence Metropolis–Hastings chain over the proposals.</param>
/// <param name="Weights">The importance weights and their effective sample size.</param>
/// <param name="Raw">Observables of the uncorrected proposals (physical units; independent draws).</param>
/// <param name="Corrected">Observables of the Metropolis chain (Γ-method errors with the chain's τ_int).</param>
/// <param name="Reweighted">⟨|M|⟩, χ and U by importance weights, with delta-method errors.</param>
/// <param name="Seconds">Wall-clock seconds of the proposals (ODE solves) and of the correction.</param>
public sealed record PhiFourCorrectionResult(FlowProposals Proposals, Tensor LogTarget, Tensor LogWeights, MetropolisChain Chain,
    ImportanceWeights Weights, LatticeObservableTable Raw, LatticeObservableTable Corrected, IReadOnlyList<ReweightedObservable> Reweighted,
    double Seconds)
{
    /// <summary>The chain's integrated autocorrelation time, the largest of ⟨|M|⟩, χ and U (½ for independent draws).</summary>
    public double TauInt => PhiFourCorrection.Observables.Max(name => Corrected[name].TauInt);

    /// <summary>Effective samples of the chain, N/(2τ_int).</summary>
    public double ChainEffectiveSamples => Chain.States.Length / (2 * TauInt);

    /// <summary>The importance weights' ESS per proposal.</summary>
    public double EffectiveSampleSizePerProposal => Weights.EffectiveSampleSize / Chain.States.Length;
}
