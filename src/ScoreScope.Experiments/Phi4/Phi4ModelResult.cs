using ScoreScope.Lattice;

namespace ScoreScope.Experiments.Phi4;

/// <summary>
/// One trained diffusion model at one coupling point of <c>reproduce phi4</c>: the observables of its Euler–Maruyama and
/// Heun samples, each measured from its own generated fields with the code that measures HMC (Aarts, Habibi, Wang, Zhou
/// 2024, arXiv 2410.21212, §4; issue 14).
/// </summary>
/// <param name="Process">"VE" (the paper's g(t) = σ^t) or "VP" (linear β, the comparison).</param>
/// <param name="EulerMaruyama">Observables of the Euler–Maruyama samples (independent samples).</param>
/// <param name="Heun">Observables of the probability-flow Heun samples.</param>
/// <param name="HeldOutLoss">The model's final held-out loss (EMA weights).</param>
public sealed record Phi4ModelResult(string Process, LatticeObservableTable EulerMaruyama, LatticeObservableTable Heun, double HeldOutLoss);
