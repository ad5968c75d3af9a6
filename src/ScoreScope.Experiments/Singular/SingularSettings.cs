namespace ScoreScope.Experiments.Singular;

/// <summary>
/// The fully resolved options of <c>scorescope reproduce singular</c> (written as the <c>"options"</c> of its
/// config.json). Times named <c>Tau</c> are in the unit-rate Ornstein–Uhlenbeck time τ of Lu, Wang, Bal 2023
/// (a = e^{−τ/2}, b² = 1 − e^{−τ}); the trained models use the OU process with constant β = <see cref="TimeScale"/> on
/// t ∈ [0, 1], which is the same process with τ = β·t, so that the prior N(0, I) is reached at τ = β.
/// </summary>
public sealed record SingularSettings : ExperimentParameters
{
    /// <summary>The paper-scale parameters with the default seed.</summary>
    public SingularSettings() => Seed = DefaultSeed;

    /// <summary>The fixed default seed, so that every run gives the same numbers.</summary>
    public const ulong DefaultSeed = 20251124;

    /// <summary>Monte Carlo points per oracle average (codimension, intrinsic dimension).</summary>
    public int OracleSamples { get; init; } = 100_000;

    /// <summary>β of the training/sampling process OU(β) on t ∈ [0, 1]: τ_T = β.</summary>
    public double TimeScale { get; init; } = 10.0;

    /// <summary>The parametrisations compared (noise ε, score, data x̂₀), all with the same network and budget.</summary>
    public string[] Parametrisations { get; init; } = ["noise", "score", "data"];

    /// <summary>Hidden width of the MLP.</summary>
    public int Width { get; init; } = 128;

    /// <summary>Residual blocks of the MLP.</summary>
    public int Depth { get; init; } = 3;

    /// <summary>Training steps per model.</summary>
    [ParameterAlias("steps")]
    public int TrainingSteps { get; init; } = 6000;

    /// <summary>Samples per training step.</summary>
    public int BatchSize { get; init; } = 512;

    /// <summary>Peak learning rate.</summary>
    public double LearningRate { get; init; } = 2e-3;

    /// <summary>Smallest training time τ (training times are log-uniform on [τ_min, τ_T]).</summary>
    public double TrainingMinimumTau { get; init; } = 1e-5;

    /// <summary>Times τ of the score-error curve, log-spaced from this value to 1.</summary>
    public double ErrorMinimumTau { get; init; } = 1e-4;

    /// <summary>Number of times on the score-error curve.</summary>
    public int ErrorTimes { get; init; } = 13;

    /// <summary>Samples x_t ~ p_t per time of the score-error curve.</summary>
    public int ErrorSamples { get; init; } = 4096;

    /// <summary>Euler–Maruyama steps of the geometric sampling grid.</summary>
    public int SamplingSteps { get; init; } = 100;

    /// <summary>The final sampling time τ_min.</summary>
    public double SamplingMinimumTau { get; init; } = 1e-4;

    /// <summary>Generated samples per model.</summary>
    public int SampleCount { get; init; } = 10_000;

    /// <summary>The pollution tolerance: samples with dist(x, M) above it count as polluted.</summary>
    public double Tolerance { get; init; } = 0.05;

    /// <summary>Bootstrap replicates for the pollution errors.</summary>
    public int BootstrapReplicates { get; init; } = 200;

    /// <summary>The minute-scale version of <paramref name="full"/> (same seed and threads).</summary>
    public static SingularSettings QuickVersion(SingularSettings full) => full with
    {
        Quick = true,
        OracleSamples = 20_000,
        Width = 64,
        Depth = 2,
        TrainingSteps = 300,
        BatchSize = 256,
        ErrorTimes = 5,
        ErrorSamples = 1024,
        SamplingSteps = 40,
        SampleCount = 2000,
        BootstrapReplicates = 50,
    };
}
