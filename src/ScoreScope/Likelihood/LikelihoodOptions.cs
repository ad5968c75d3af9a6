using ScoreScope.Numerics;
using ScoreScope.Sampling;
using static TorchSharp.torch;

namespace ScoreScope.Likelihood;

/// <summary>Settings of <see cref="ProbabilityFlowLikelihood"/>.</summary>
public sealed record LikelihoodOptions
{
    /// <summary>The time t_min at which the density log p_{t_min}(x) is evaluated (default 10⁻³, the sampling t_min).</summary>
    public double MinimumTime { get; init; } = TimeGrid.DefaultMinimumTime;

    /// <summary>Error control of the ODE solve (default rtol = atol = 10⁻⁵, as score_sde's likelihood).</summary>
    public OdeTolerances Tolerances { get; init; } = new();

    /// <summary>Exact trace or Hutchinson's estimator (default exact).</summary>
    public DivergenceMethod Divergence { get; init; } = DivergenceMethod.Exact;

    /// <summary>Number K of Hutchinson probes per point, held fixed along the path (≥ 1; ≥ 2 for a standard error).</summary>
    public int Probes { get; init; } = 4;

    /// <summary>The probes' law (default Rademacher).</summary>
    public ProbeDistribution ProbeDistribution { get; init; } = ProbeDistribution.Rademacher;

    /// <summary>Seed of the probes (batch j uses a stream derived from it and the batch's first row).</summary>
    public ulong Seed { get; init; }

    /// <summary>Points solved together (they share the adaptive steps), ≥ 1.</summary>
    public long BatchSize { get; init; } = 1000;

    /// <summary>
    /// log p_T at the end of the flow, [B, …] → [B]; null for the prior N(0, σ_p²I) of the process. With an exact
    /// distribution, its p_T isolates the ODE error from the prior mismatch p_T ≠ N(0, σ_p²I).
    /// </summary>
    public Func<Tensor, Tensor>? TerminalLogDensity { get; init; }

    /// <summary>Checks every field.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Naming the field and the value.</exception>
    public void Validate()
    {
        Tolerances.Validate();
        if (!(MinimumTime > 0) || !double.IsFinite(MinimumTime))
            throw new ArgumentOutOfRangeException(nameof(MinimumTime), MinimumTime, "t_min must be finite and > 0.");
        if (Probes < 1)
            throw new ArgumentOutOfRangeException(nameof(Probes), Probes, "the number of Hutchinson probes must be ≥ 1.");
        if (BatchSize < 1)
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "the batch size must be ≥ 1.");
    }
}
