using static TorchSharp.torch;

namespace ScoreScope.Correction;

/// <summary>Proposals x = Φ(z) of the probability-flow map and their exact log-density under the model.</summary>
/// <param name="Points">x at t_min, [N, …event] float64.</param>
/// <param name="LogDensity">log q(x) = log N(z; 0, σ_p²I) − ∫_T^{t_min} ∇·v dt, [N] float64.</param>
/// <param name="Prior">The prior draws z at T, [N, …event].</param>
/// <param name="FunctionEvaluations">ODE right-hand-side evaluations summed over batches (each: one score pass and D vector–Jacobian products).</param>
public sealed record FlowProposals(Tensor Points, Tensor LogDensity, Tensor Prior, long FunctionEvaluations);
