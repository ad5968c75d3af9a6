namespace ScoreScope.Scores;

/// <summary>How a scalar noise condition c (per sample) is lifted to a feature vector before entering a score network.</summary>
public enum TimeEmbeddingKind
{
    /// <summary>
    /// Deterministic sinusoids [sin(ω_k c), cos(ω_k c)] with frequencies ω_k spaced geometrically in [1, ω_max]
    /// (the transformer position encoding used by Ho et al. 2020 for the DDPM time step).
    /// </summary>
    Sinusoidal,

    /// <summary>
    /// Random Fourier features [sin(2π w_k c), cos(2π w_k c)] with fixed w_k ~ N(0, scale²) drawn once from a seeded
    /// generator (Tancik et al. 2020; used for log σ by Song et al. 2021, "Score-Based Generative Modeling through SDEs").
    /// </summary>
    GaussianFourier,
}
