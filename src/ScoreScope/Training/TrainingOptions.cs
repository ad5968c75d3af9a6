namespace ScoreScope.Training;

/// <summary>
/// Everything that controls a training run apart from the model and the data (serialised into every checkpoint).
/// Defaults are tuned so that the default MLP (<see cref="Scores.MlpOptions"/>: width 128, depth 3) with EDM
/// preconditioning learns the gmm8 score under VE (σ 0.01…50) and VP (β 0.1…20) to a relative error ≤ 0.05 on
/// t ∈ [0.1, 1]: 8000 steps of 512 samples, AdamW at 2·10⁻³ with 200 warm-up steps and cosine decay, clipping at 1,
/// EMA 0.999, λ = b², uniform t on [10⁻³, 1], antithetic noise.
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>The step budget K.</summary>
    public int Steps { get; init; } = 8000;

    /// <summary>Samples per step.</summary>
    public int BatchSize { get; init; } = 512;

    /// <summary>Peak learning rate η.</summary>
    public double LearningRate { get; init; } = 2e-3;

    /// <summary>Linear warm-up steps W.</summary>
    public int WarmupSteps { get; init; } = 200;

    /// <summary>The final learning rate of the cosine decay as a fraction of η.</summary>
    public double FinalLearningRateFraction { get; init; } = 0.01;

    /// <summary>Adam or AdamW.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.AdamW;

    /// <summary>Weight decay (L2 for Adam, decoupled for AdamW).</summary>
    public double WeightDecay { get; init; }

    /// <summary>Adam's β₁.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Adam's β₂.</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>Adam's ε.</summary>
    public double AdamEpsilon { get; init; } = 1e-8;

    /// <summary>Clip the global gradient norm to this value; 0 disables clipping.</summary>
    public double GradientClipNorm { get; init; } = 1.0;

    /// <summary>
    /// EMA decay of the weights; the effective decay at step k is min(decay, (1 + k)/(10 + k)) (Tarvainen &amp; Valpola 2017;
    /// Song et al. 2021 use 0.999–0.9999). 0 keeps the EMA equal to the weights.
    /// </summary>
    public double EmaDecay { get; init; } = 0.999;

    /// <summary>The run's seed: initialisation, data, times and noise all derive from it.</summary>
    public ulong Seed { get; init; }

    /// <summary>Write a checkpoint every this many steps (and at the end) when a run directory is given; 0 only at the end.</summary>
    public int CheckpointEvery { get; init; } = 1000;

    /// <summary>Evaluate the held-out loss and log metrics every this many steps (and at the end).</summary>
    public int EvaluateEvery { get; init; } = 500;

    /// <summary>The size of the held-out set.</summary>
    public int HeldOutSize { get; init; } = 4096;

    /// <summary>The number of t-buckets for per-bucket losses.</summary>
    public int TimeBuckets { get; init; } = 5;

    /// <summary>The objective.</summary>
    public LossOptions Loss { get; init; } = new();

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Naming the first invalid option and its value.</exception>
    public void Validate()
    {
        static void Positive(double v, string name)
        {
            if (!(v > 0) || !double.IsFinite(v)) throw new ArgumentOutOfRangeException(name, v, $"{name} must be finite and > 0.");
        }
        static void NonNegative(double v, string name)
        {
            if (!(v >= 0) || !double.IsFinite(v)) throw new ArgumentOutOfRangeException(name, v, $"{name} must be finite and ≥ 0.");
        }
        static void Fraction(double v, string name)
        {
            if (!(v >= 0) || !(v < 1)) throw new ArgumentOutOfRangeException(name, v, $"{name} must lie in [0, 1).");
        }
        Positive(Steps, nameof(Steps));
        Positive(BatchSize, nameof(BatchSize));
        Positive(LearningRate, nameof(LearningRate));
        NonNegative(WarmupSteps, nameof(WarmupSteps));
        if (!(FinalLearningRateFraction >= 0) || FinalLearningRateFraction > 1)
            throw new ArgumentOutOfRangeException(nameof(FinalLearningRateFraction), FinalLearningRateFraction, "FinalLearningRateFraction must lie in [0, 1].");
        NonNegative(WeightDecay, nameof(WeightDecay));
        Fraction(Beta1, nameof(Beta1));
        Fraction(Beta2, nameof(Beta2));
        Positive(AdamEpsilon, nameof(AdamEpsilon));
        NonNegative(GradientClipNorm, nameof(GradientClipNorm));
        Fraction(EmaDecay, nameof(EmaDecay));
        NonNegative(CheckpointEvery, nameof(CheckpointEvery));
        Positive(EvaluateEvery, nameof(EvaluateEvery));
        Positive(HeldOutSize, nameof(HeldOutSize));
        Positive(TimeBuckets, nameof(TimeBuckets));
        ArgumentNullException.ThrowIfNull(Loss);
        Loss.ResolvedTimes.Validate();
    }
}
