using static TorchSharp.torch;

namespace ScoreScope.Likelihood;

/// <summary>Per-point log-likelihoods from <see cref="ProbabilityFlowLikelihood"/> and the cost of computing them.</summary>
/// <param name="LogLikelihood">log p_{t_min}(x) per point, [N] float64 (the Hutchinson mean over probes when estimated).</param>
/// <param name="StandardError">The Hutchinson estimator's standard error per point, [N] (sample standard deviation over
/// the K probes / √K); null for the exact divergence or K = 1.</param>
/// <param name="TerminalLogDensity">log p_T(x_T) of the flowed points, [N].</param>
/// <param name="Terminal">x_T, the points carried to T by the probability flow, [N, …].</param>
/// <param name="FunctionEvaluations">ODE right-hand-side evaluations summed over batches: each is one score forward
/// pass plus D (exact) or K (Hutchinson) vector–Jacobian products.</param>
/// <param name="AcceptedSteps">Accepted solver steps summed over batches.</param>
/// <param name="RejectedSteps">Rejected solver steps summed over batches.</param>
public sealed record LikelihoodResult(Tensor LogLikelihood, Tensor? StandardError, Tensor TerminalLogDensity, Tensor Terminal,
    long FunctionEvaluations, long AcceptedSteps, long RejectedSteps);
