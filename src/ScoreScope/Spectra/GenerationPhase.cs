namespace ScoreScope.Spectra;

/// <summary>
/// The geometric phases of generation (Ventura et al., arXiv 2410.05898, §5.1–5.3; docs/science/05 §3), in the order
/// they occur as the noise variance t decreases during generation.
/// </summary>
public enum GenerationPhase
{
    /// <summary>Phase I (large t): every normalised eigenvalue is within the resolution of −1; J ≈ −I/t, no geometry.</summary>
    Trivial,

    /// <summary>Phase II: tangent bulks have detached from −1 but not all have reached 0; intermediate gaps open and close.</summary>
    ManifoldCoverage,

    /// <summary>Phase III (small t): every tangent eigenvalue is within the resolution of 0; only the manifold gap remains.</summary>
    Consolidation,
}
