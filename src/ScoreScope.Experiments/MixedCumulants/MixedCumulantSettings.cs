namespace ScoreScope.Experiments.MixedCumulants;

/// <summary>
/// The fully resolved options of <c>scorescope reproduce mcm</c> (the <c>"options"</c> of its config.json): the mixed
/// cumulant model and the tied single-neuron ε-predictor of Bardone, Merger &amp; Goldt 2026 (arXiv 2603.12901; public
/// code DiffusionEasy2Hard <c>MCM_twolayer_minimal</c>), trained by spherical SGD at one OU time t.
/// <see cref="Full"/> is the full budget, <see cref="QuickRun"/> the minute-scale one.
/// </summary>
/// <remarks>
/// Attractive configurations (docs/science/simplicity-bias.md §3, sign caveat): with tanh and ε-prediction φ₂ &gt; 0 and
/// φ₄ &lt; 0, so the covariance spike must have variance V &lt; 1 (a low-variance direction) and the fourth-cumulant
/// spike κ₄ &gt; 0 (the three-mixture latent with a &lt; 1/6). The learning rate follows η = η₀·d^{1 − k*/2} for the
/// per-coordinate loss (η ∝ d^{−k*/2} for the summed loss): constant for k* = 2, η₀/d for k* = 4.
/// </remarks>
public sealed record MixedCumulantSettings : ExperimentParameters
{
    /// <summary>The full-budget parameters with the default seed.</summary>
    public MixedCumulantSettings() => Seed = DefaultSeed;

    /// <summary>The default seed.</summary>
    public const ulong DefaultSeed = 26031290;

    /// <summary>The OU noising time t of training (α = e^{−t}, δ = √(1 − e^{−2t}); the code's default 0.3).</summary>
    public double Time { get; init; } = 0.3;

    /// <summary>The activation g (tanh, relu, scaled-tanh, square, relu-square, tanh-square, sigmoid).</summary>
    public string Activation { get; init; } = "tanh";

    /// <summary>a of the three-mixture latent along the cumulant spike v (κ₄ = 1/(2a) − 3; a &lt; 1/6 makes it attractive).</summary>
    public double MixtureWeight { get; init; } = 0.05;

    /// <summary>The variance V of the covariance spike u in the covariance case (V &lt; 1 makes it attractive for tanh).</summary>
    public double CovarianceSpikeVariance { get; init; } = 0.2;

    /// <summary>Hidden units m of the tied denoiser (1 = the single neuron on the sphere).</summary>
    public int HiddenUnits { get; init; } = 1;

    /// <summary>η₀ of the k* = 2 cases (covariance spike, correlated latents): η = η₀.</summary>
    public double PairwiseLearningRate { get; init; } = 0.1;

    /// <summary>η₀ of the k* = 4 case (independent fourth-cumulant spike): η = η₀/d.</summary>
    public double QuarticLearningRate { get; init; } = 1.0;

    /// <summary>The overlap at which a replica counts as escaped.</summary>
    public double EscapeThreshold { get; init; } = 0.5;

    /// <summary>d of the learning curves.</summary>
    public int CurveDimension { get; init; } = 64;

    /// <summary>Seeds of the learning curves.</summary>
    public int CurveSeeds { get; init; } = 8;

    /// <summary>Steps of the k* = 2 learning curves.</summary>
    public long CurvePairwiseSteps { get; init; } = 50_000;

    /// <summary>Steps of the k* = 4 learning curve.</summary>
    public long CurveQuarticSteps { get; init; } = 3_000_000;

    /// <summary>Size of each fixed test set (data, Gaussian clone, mean clone) of the learning curves.</summary>
    public int CurveTestSize { get; init; } = 2000;

    /// <summary>Log-spaced logging steps of the learning curves.</summary>
    public int CurveLogPoints { get; init; } = 30;

    /// <summary>Dimensions of the k* = 2 sweeps (covariance spike, correlated latents). d = 16 is left out of the full
    /// preset: there the initial overlap 1/√d = 0.25 is half the escape threshold and the times are pre-asymptotic.</summary>
    public int[] SweepPairwiseDimensions { get; init; } = [32, 64, 128, 256, 512, 1024];

    /// <summary>Dimensions of the k* = 4 sweep (independent fourth-cumulant spike).</summary>
    public int[] SweepQuarticDimensions { get; init; } = [32, 64, 128, 256];

    /// <summary>Seeds per dimension of the sweeps.</summary>
    public int SweepSeeds { get; init; } = 8;

    /// <summary>Step budget of each k* = 2 sweep replica (a replica not escaped by then is censored).</summary>
    public long SweepPairwiseBudget { get; init; } = 2_000_000;

    /// <summary>Step budget of each k* = 4 sweep replica.</summary>
    public long SweepQuarticBudget { get; init; } = 40_000_000;

    /// <summary>d of the skip check on isotropic Gaussian data.</summary>
    public int SkipDimension { get; init; } = 256;

    /// <summary>Plain-SGD steps of the skip check.</summary>
    public long SkipSteps { get; init; } = 2000;

    /// <summary>Fresh samples per step of the skip check.</summary>
    public int SkipBatchSize { get; init; } = 50;

    /// <summary>Learning rate of the skip check.</summary>
    public double SkipLearningRate { get; init; } = 0.05;

    /// <summary>Seeds of the skip check.</summary>
    public int SkipSeeds { get; init; } = 4;

    /// <summary>The full-budget defaults.</summary>
    public static MixedCumulantSettings Full { get; } = new();

    /// <summary>The minute-scale version: d = 32 curves, sweeps over d ∈ {16, …, 128} (k* = 2) and {16, 32, 64} (k* = 4), 4 seeds.</summary>
    public static MixedCumulantSettings QuickRun { get; } = new()
    {
        Quick = true, CurveDimension = 32, CurveSeeds = 4, CurvePairwiseSteps = 10_000, CurveQuarticSteps = 300_000,
        CurveTestSize = 500, SweepPairwiseDimensions = [16, 32, 64, 128], SweepQuarticDimensions = [16, 32, 64],
        SweepSeeds = 4, SweepPairwiseBudget = 400_000, SweepQuarticBudget = 3_000_000, SkipSteps = 1000, SkipSeeds = 2,
    };
}
