namespace ScoreScope.Training;

/// <summary>The training objectives a <see cref="LossOptions"/> can name.</summary>
public enum LossKind
{
    /// <summary><see cref="DenoisingScoreMatchingLoss"/>.</summary>
    DenoisingScoreMatching,

    /// <summary><see cref="DenoiserLoss"/> (the x̂₀ loss).</summary>
    Denoiser,

    /// <summary><see cref="SlicedScoreMatchingLoss"/>.</summary>
    SlicedScoreMatching,
}
