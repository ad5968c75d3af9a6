namespace ScoreScope.Scores;

/// <summary>What a score network's raw output F stands for; see <see cref="ScoreParametrisation"/>.</summary>
public enum ParametrisationKind
{
    /// <summary>F is the score itself, s = F (Song &amp; Ermon 2019).</summary>
    Score,

    /// <summary>F predicts the noise z of x = a·x₀ + b·z, s = −F/b (Ho et al. 2020; Vincent 2011).</summary>
    Noise,

    /// <summary>F predicts the clean data x̂₀, s = −(x − a·x̂₀)/b² (Tweedie; Karras et al. 2022 Eq. 3).</summary>
    Data,

    /// <summary>EDM preconditioning, D = c_skip·x/a + c_out·F (Karras et al. 2022, Table 1).</summary>
    Edm,
}
