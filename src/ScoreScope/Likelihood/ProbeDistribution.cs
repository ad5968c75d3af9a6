namespace ScoreScope.Likelihood;

/// <summary>The law of the probe vectors ε of Hutchinson's trace estimator E[εᵀJε] = tr J (requires E[εεᵀ] = I).</summary>
public enum ProbeDistribution
{
    /// <summary>Independent ±1 entries: the minimum-variance choice, Var = 2·Σ_{i≠j} J_ij² (for symmetric J) (Hutchinson 1989).</summary>
    Rademacher,

    /// <summary>Independent standard normal entries: Var = 2‖J‖_F² for symmetric J (Girard 1989; FFJORD's default).</summary>
    Gaussian,
}
