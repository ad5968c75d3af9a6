using ScoreScope.Data;

namespace ScoreScope.Experiments.Spectra;

/// <summary>
/// The fully resolved options of <c>scorescope reproduce spectra</c> (written to config.json): the two linear
/// Gaussian manifolds of Ventura et al. 2024 §7 (D = 100, d = 40; one variance, or two blocks of 20 with σ = 1 and 0.3),
/// the time grids (σ² = b²/a², the paper's t), the training budget of the MLPs and the analysis thresholds.
/// </summary>
public sealed record SpectraExperimentSettings : ExperimentParameters
{
    /// <summary>The ambient dimension D.</summary>
    public int AmbientDimension { get; init; } = 100;

    /// <summary>The single-variance manifold.</summary>
    public VarianceBlock[] SingleVariance { get; init; } = [new(40, 1.0)];

    /// <summary>The two-variance manifold.</summary>
    public VarianceBlock[] TwoVariances { get; init; } = [new(20, 1.0), new(20, 0.3)];

    /// <summary>Smallest σ² = b²/a² of the exact grid.</summary>
    public double ExactMinVariance { get; init; } = 1e-4;

    /// <summary>Largest σ² = b²/a² of the exact grid.</summary>
    public double ExactMaxVariance { get; init; } = 100;

    /// <summary>Log-spaced times of the exact grid.</summary>
    public int ExactTimes { get; init; } = 81;

    /// <summary>Points and times at which the exact score-matrix SVD is compared with the closed form.</summary>
    public int SvdPoints { get; init; } = 4;

    /// <summary>Times (log-spaced over the exact grid) of the score-matrix SVD comparison.</summary>
    public int SvdTimes { get; init; } = 8;

    /// <summary>Smallest σ² = b²/a² of the trained grid.</summary>
    public double TrainedMinVariance { get; init; } = 1e-3;

    /// <summary>Largest σ² = b²/a² of the trained grid.</summary>
    public double TrainedMaxVariance { get; init; } = 10;

    /// <summary>Log-spaced times of the trained grid (≥ 30).</summary>
    public int TrainedTimes { get; init; } = 36;

    /// <summary>Data points at which trained Jacobians are averaged.</summary>
    public int Points { get; init; } = 64;

    /// <summary>The smallest trained times at which m̂ is checked against d.</summary>
    public int SmallestTimes { get; init; } = 3;

    /// <summary>The spike tolerance δ of m̂ = D − #{|ν| ≥ 1 − δ}.</summary>
    public double SpikeTolerance { get; init; } = 0.5;

    /// <summary>The resolution threshold Δ for a detected gap.</summary>
    public double GapThreshold { get; init; } = 0.05;

    /// <summary>σ_min of the VE geometric process.</summary>
    public double SigmaMin { get; init; } = 0.01;

    /// <summary>σ_max of the VE geometric process.</summary>
    public double SigmaMax { get; init; } = 50;

    /// <summary>
    /// Training steps per model. The trained two-variance t_max converges slowly with the network's Jacobian error
    /// (seed 0: −26% at 5000 steps, −20.07% at 10000, −11.4% at 20000 against √(ab)), so the default is 20000.
    /// </summary>
    public int TrainingSteps { get; init; } = 20000;

    /// <summary>Training batch size.</summary>
    public int BatchSize { get; init; } = 512;

    /// <summary>Peak learning rate.</summary>
    public double LearningRate { get; init; } = 2e-3;

    /// <summary>
    /// Smallest process time of the (uniform) training-time distribution. The default window [0.12, 0.7] of the VE
    /// process σ ∈ [0.01, 50] holds σ² ∈ [6.7·10⁻⁴, 15] ⊇ the analysed grid [10⁻³, 10]: concentrating the
    /// training budget there cut the relative Jacobian error of the two-variance MLP to ≈ 5–8% and moved its measured
    /// intermediate gap to the right position (80 values below); with the full range [10⁻³, 1] the gap was smeared.
    /// </summary>
    public double TrainingMinimumTime { get; init; } = 0.12;

    /// <summary>Largest process time of the training-time distribution (see <see cref="TrainingMinimumTime"/>).</summary>
    public double TrainingMaximumTime { get; init; } = 0.7;

    /// <summary>MLP hidden width.</summary>
    public int Width { get; init; } = 256;

    /// <summary>MLP residual blocks.</summary>
    public int Depth { get; init; } = 3;

    /// <summary>The minute-scale version (fewer exact and trained times, points and training steps).</summary>
    public static SpectraExperimentSettings QuickVersion(SpectraExperimentSettings full) => full with
    {
        Quick = true, ExactTimes = 41, TrainedTimes = 30, Points = 16, TrainingSteps = 1500,
    };
}
