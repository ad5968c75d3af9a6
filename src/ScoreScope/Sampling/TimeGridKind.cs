namespace ScoreScope.Sampling;

/// <summary>The spacing of a sampler's time grid; see <see cref="TimeGrid"/> for the formulas.</summary>
public enum TimeGridKind
{
    /// <summary>Equal steps in t (score_sde's <c>torch.linspace(T, eps, N)</c>); see <see cref="TimeGrid.Uniform"/>.</summary>
    Uniform,

    /// <summary>Equal steps in log t; see <see cref="TimeGrid.LogSpaced"/>.</summary>
    LogSpaced,

    /// <summary>Equal steps in log σ, σ = b/a (SMLD's geometric noise levels); see <see cref="TimeGrid.Geometric"/>.</summary>
    Geometric,

    /// <summary>Karras et al. (2022) Eq. 5: equal steps in σ^{1/ρ}; see <see cref="TimeGrid.Karras"/>.</summary>
    Karras,
}
