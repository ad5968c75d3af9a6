namespace ScoreScope.Experiments.OperatorInformed;

/// <summary>
/// The fully resolved options of <c>scorescope reproduce operator-informed</c> (written as the <c>"options"</c> of its
/// config.json). Brownian motion on the torus and the sphere has generator Δ (x_t = x_0 + √(2t)·z on T²); the
/// Ornstein–Uhlenbeck process is dX = −X dt + √2 dW (docs/science/operator-informed.md §1.2).
/// </summary>
public sealed record OperatorInformedSettings : ExperimentParameters
{
    /// <summary>The paper-scale parameters with the default seed.</summary>
    public OperatorInformedSettings() => Seed = DefaultSeed;

    /// <summary>The fixed default seed, so that every run gives the same numbers.</summary>
    public const ulong DefaultSeed = 20251206;

    /// <summary>The 2-D toy data sets on T² (subset of 8gaussians, 2spirals, pinwheel).</summary>
    public string[] Datasets { get; init; } = ["8gaussians", "2spirals", "pinwheel"];

    /// <summary>Independent repetitions (training sample, initial weights, noise) per data set and method.</summary>
    public int Seeds { get; init; } = 3;

    /// <summary>Training points n per repetition (the OISM moments and the DSM data).</summary>
    public int TrainingSamples { get; init; } = 5000;

    /// <summary>K of OISM(high), the largest frequency |k_j| of the full trigonometric basis on T².</summary>
    public int HighFrequencies { get; init; } = 8;

    /// <summary>K of OISM(low), also the control of OISM+NN and the warm-start target.</summary>
    public int LowFrequencies { get; init; } = 2;

    /// <summary>Training iterations of every network (the paper's 20k).</summary>
    [ParameterAlias("steps")]
    public int TrainingSteps { get; init; } = 20_000;

    /// <summary>Iterations of the warm start spent regressing OISM(low) (the paper's 1k of 20k).</summary>
    public int WarmStartSteps { get; init; } = 1000;

    /// <summary>Samples per iteration.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Hidden width of the periodic MLP.</summary>
    public int Width { get; init; } = 128;

    /// <summary>Residual blocks of the periodic MLP.</summary>
    public int Depth { get; init; } = 2;

    /// <summary>Peak Adam learning rate.</summary>
    public double LearningRate { get; init; } = 2e-3;

    /// <summary>The smallest training time.</summary>
    public double MinimumTime { get; init; } = 0.01;

    /// <summary>The largest training time.</summary>
    public double MaximumTime { get; init; } = 1.0;

    /// <summary>Points x_t per evaluation time for the Fisher error (shared by every method and repetition).</summary>
    public int EvaluationSamples { get; init; } = 4000;

    /// <summary>Held-out points per data set for the log-likelihood (fresh draws of the wrapped law at t_min = 0.05).</summary>
    public int LikelihoodSamples { get; init; } = 2000;

    /// <summary>Size of the large sample whose DKS score is the reference where no exact score is used (pinwheel).</summary>
    public int ReferenceSamples { get; init; } = 20_000;

    /// <summary>Pairs (x_0, x_t) per time of the variance measurement.</summary>
    public int VarianceSamples { get; init; } = 200_000;

    /// <summary>von Mises–Fisher mixture data points on S² for RDKS.</summary>
    public int SphereData { get; init; } = 1000;

    /// <summary>RDKS samples drawn on S².</summary>
    public int SphereSamples { get; init; } = 2000;

    /// <summary>Geodesic Euler–Maruyama steps from T = 3 to the final time.</summary>
    public int SphereSteps { get; init; } = 200;

    /// <summary>The final time t_min of RDKS sampling (the bandwidth of the heat-kernel KDE it returns).</summary>
    public double SphereMinimumTime { get; init; } = 0.01;

    /// <summary>The concentration κ of each von Mises–Fisher component.</summary>
    public double Concentration { get; init; } = 20.0;

    /// <summary>The minute-scale version of <paramref name="full"/> (same seed and threads).</summary>
    public static OperatorInformedSettings QuickVersion(OperatorInformedSettings full) => full with
    {
        Quick = true,
        TrainingSamples = 2000,
        TrainingSteps = 500,
        WarmStartSteps = 25,
        BatchSize = 128,
        Width = 64,
        EvaluationSamples = 1000,
        LikelihoodSamples = 1000,
        ReferenceSamples = 4000,
        VarianceSamples = 20_000,
        SphereData = 300,
        SphereSamples = 300,
        SphereSteps = 80,
    };
}
