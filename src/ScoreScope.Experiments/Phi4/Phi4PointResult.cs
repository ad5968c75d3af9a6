using ScoreScope.Lattice;

namespace ScoreScope.Experiments.Phi4;

/// <summary>One coupling point of <c>reproduce phi4</c>: the observables of HMC and of the two samplers of the trained model.</summary>
/// <param name="Name">"broken" or "symmetric".</param>
/// <param name="Kappa">κ.</param>
/// <param name="Lambda">λ.</param>
/// <param name="Hmc">Observables of the HMC configurations (Γ-method errors over the chains).</param>
/// <param name="EulerMaruyama">Observables of the Euler–Maruyama samples (independent samples).</param>
/// <param name="Heun">Observables of the probability-flow Heun samples.</param>
/// <param name="Acceptance">HMC acceptance rate.</param>
/// <param name="HeldOutLoss">The model's final held-out loss (EMA weights).</param>
/// <param name="Seconds">Wall-clock seconds of HMC, training and sampling.</param>
public sealed record Phi4PointResult(string Name, double Kappa, double Lambda, LatticeObservableTable Hmc, LatticeObservableTable EulerMaruyama,
    LatticeObservableTable Heun, double Acceptance, double HeldOutLoss, IReadOnlyDictionary<string, double> Seconds);
