using ScoreScope.Analysis;

namespace ScoreScope.Lattice;

/// <summary>
/// Accept/reject statistics of HMC trajectories (after thermalisation): acceptance rate, ⟨ΔH⟩, ⟨ΔH²⟩ and ⟨e^{−ΔH}⟩,
/// whose exact value is 1 for an area-preserving reversible integrator (Creutz 1988). Standard errors treat the
/// trajectories of all chains as independent (ΔH decorrelates within one trajectory in practice).
/// </summary>
/// <param name="Trajectories">Trajectories counted (all chains).</param>
/// <param name="AcceptanceRate">Accepted / proposed.</param>
/// <param name="DeltaH">⟨ΔH⟩ with its standard error.</param>
/// <param name="DeltaHSquared">⟨ΔH²⟩ with its standard error.</param>
/// <param name="ExpMinusDeltaH">⟨e^{−ΔH}⟩ with its standard error.</param>
public sealed record HmcStatistics(long Trajectories, double AcceptanceRate, Estimate DeltaH, Estimate DeltaHSquared, Estimate ExpMinusDeltaH);
