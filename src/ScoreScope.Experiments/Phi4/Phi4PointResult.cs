using ScoreScope.Lattice;

namespace ScoreScope.Experiments.Phi4;

/// <summary>One coupling point of <c>reproduce phi4</c>: the observables of HMC and of the two samplers of each trained model.</summary>
/// <param name="Name">"broken" or "symmetric".</param>
/// <param name="Kappa">κ.</param>
/// <param name="Lambda">λ.</param>
/// <param name="Hmc">Observables of the HMC configurations (Γ-method errors over the chains).</param>
/// <param name="Models">The trained models: VE (the paper's, first) and, unless switched off, VP.</param>
/// <param name="Acceptance">HMC acceptance rate.</param>
/// <param name="Seconds">Wall-clock seconds of HMC, training and sampling (the VP model's keys start with <c>vp-</c>).</param>
public sealed record Phi4PointResult(string Name, double Kappa, double Lambda, LatticeObservableTable Hmc, IReadOnlyList<Phi4ModelResult> Models,
    double Acceptance, IReadOnlyDictionary<string, double> Seconds);
