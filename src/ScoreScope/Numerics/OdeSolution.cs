using static TorchSharp.torch;

namespace ScoreScope.Numerics;

/// <summary>The end state of an adaptive ODE solve and its cost.</summary>
/// <param name="State">y(t₁), a fresh float64 tensor of the shape of y(t₀).</param>
/// <param name="FunctionEvaluations">Evaluations of the right-hand side f(t, y) (NFE), the initial-step probe included.</param>
/// <param name="AcceptedSteps">Steps accepted by the error control.</param>
/// <param name="RejectedSteps">Steps rejected and retried with a smaller h.</param>
public sealed record OdeSolution(Tensor State, int FunctionEvaluations, int AcceptedSteps, int RejectedSteps);
