namespace ScoreScope.SimplicityBias;

/// <summary>The online optimiser of a teacher–student denoiser.</summary>
public enum DenoiserOptimizer
{
    /// <summary>Plain SGD.</summary>
    Sgd,

    /// <summary>Adam (Kingma &amp; Ba 2015, Algorithm 1; β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸).</summary>
    Adam,

    /// <summary>Projected (spherical) SGD: an SGD step, then every row wᵢ renormalised to ‖wᵢ‖ = 1.</summary>
    SphericalSgd,
}
