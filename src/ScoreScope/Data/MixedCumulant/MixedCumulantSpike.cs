namespace ScoreScope.Data.MixedCumulant;

/// <summary>The three spike directions of the mixed cumulant model; the value is the index in the subspace basis.</summary>
public enum MixedCumulantSpike
{
    /// <summary>m, carrying the mean (first cumulant).</summary>
    Mean = 0,

    /// <summary>u, carrying the covariance spike (second cumulant), latent λ ~ N(0, 1).</summary>
    Covariance = 1,

    /// <summary>v, carrying the non-Gaussian latent ν (third and fourth cumulants).</summary>
    Cumulant = 2,
}
