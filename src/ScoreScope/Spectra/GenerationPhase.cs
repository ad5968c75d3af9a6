namespace ScoreScope.Spectra;

/// <summary>
/// The geometric phases of generation (Ventura et al., arXiv 2410.05898, §5.1–5.3; docs/science/spectral-gaps.md §3), in the order
/// they occur as the squared noise-to-signal ratio σ² = b²/a² decreases during generation.
/// </summary>
public enum GenerationPhase
{
    /// <summary>Phase I (large σ²): every normalised eigenvalue is within the resolution of −1; J ≈ −I/σ², no geometry.</summary>
    Trivial,

    /// <summary>Phase II: tangent bulks have detached from −1 but not all have reached 0; intermediate gaps open and close.</summary>
    ManifoldCoverage,

    /// <summary>Phase III (small σ²): every tangent eigenvalue is within the resolution of 0; only the manifold gap remains.</summary>
    Consolidation,
}
