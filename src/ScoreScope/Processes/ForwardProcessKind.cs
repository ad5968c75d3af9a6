namespace ScoreScope.Processes;

/// <summary>The families of built-in forward processes a <see cref="ForwardProcessSpec"/> can describe.</summary>
public enum ForwardProcessKind
{
    /// <summary><see cref="VarianceExplodingProcess.Geometric"/>(σ_min, σ_max).</summary>
    VarianceExplodingGeometric,

    /// <summary><see cref="VarianceExplodingProcess.WithDiffusionBase"/>(σ).</summary>
    VarianceExplodingDiffusionBase,

    /// <summary><see cref="VariancePreservingProcess.WithBetaRange"/>(β_min, β_max).</summary>
    VariancePreservingLinear,

    /// <summary><see cref="VariancePreservingProcess.Cosine"/>(offset, β_max).</summary>
    VariancePreservingCosine,

    /// <summary><see cref="VariancePreservingProcess.OrnsteinUhlenbeck"/>(β).</summary>
    OrnsteinUhlenbeck,

    /// <summary><see cref="SubVariancePreservingProcess.WithBetaRange"/>(β_min, β_max).</summary>
    SubVariancePreservingLinear,

    /// <summary><see cref="VariancePreservingProcess.WithDiffusionBase"/>(σ): VP with β(t) = σ^{2t}.</summary>
    VariancePreservingDiffusionBase,
}
