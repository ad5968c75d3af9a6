namespace ScoreScope.Training;

/// <summary>The named weightings λ(t) of a denoising loss (a <see cref="LossWeighting"/>).</summary>
public enum LossWeightingKind
{
    /// <summary>λ = b(t)², which makes the score-space loss the plain ε-prediction loss (Song &amp; Ermon 2019; Ho et al. 2020).</summary>
    NoiseVariance,

    /// <summary>λ = 1.</summary>
    Unit,

    /// <summary>λ = SNR(t) = a(t)²/b(t)² (Kingma et al. 2021).</summary>
    SignalToNoise,

    /// <summary>A user-supplied λ(t, a, b) (not reproducible from a config alone).</summary>
    Custom,
}
