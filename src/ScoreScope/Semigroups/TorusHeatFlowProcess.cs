using System.Globalization;
using ScoreScope.Processes;

namespace ScoreScope.Semigroups;

/// <summary>
/// Brownian motion with generator Δ on the covering space ℝ^D of the flat torus, dx = √2 dW on [0, T], as a
/// <see cref="ForwardProcess"/> (f = 0, g = √2, a = 1, b = √(2t)), so that the generic probability-flow solver
/// (<see cref="Likelihood.ProbabilityFlowLikelihood"/>) integrates dx/dt = −½g²s = −s and ∇·v = −∇·s for a periodic score.
/// Only the coefficients are used; the Gaussian prior of the base class is never consulted (the torus likelihood always
/// supplies its own terminal density).
/// </summary>
sealed class TorusHeatFlowProcess(double endTime) : ForwardProcess
{
    /// <inheritdoc/>
    public override double EndTime { get; } = endTime;

    /// <inheritdoc/>
    public override double DriftCoefficient(double t) => 0.0;

    /// <inheritdoc/>
    public override double Diffusion(double t) => Math.Sqrt(2);

    /// <inheritdoc/>
    public override double A(double t) => 1.0;

    /// <inheritdoc/>
    public override double B(double t) => Math.Sqrt(2 * t);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"torus heat flow (generator Δ, T = {EndTime})");
}
