namespace ScoreScope.Semigroups;

/// <summary>The reverse-time integrator of <see cref="ManifoldReverseSampler"/>.</summary>
public enum ManifoldSamplerKind
{
    /// <summary>Geodesic Euler–Maruyama for the reverse SDE dY = 2s dτ + √2 dB (exponential map of the step).</summary>
    GeodesicEulerMaruyama,

    /// <summary>Heun's method for the probability-flow ODE dY/dτ = s (second velocity projected to the tangent space at Y).</summary>
    ProbabilityFlowHeun,
}
