using ScoreScope.Data.MixedCumulant;

namespace ScoreScope.SimplicityBias;

/// <summary>
/// The settings of an online teacher–student run: a two-layer ε-predictor trained at one noise time on fresh samples
/// every step with the per-batch loss (1/B)Σ‖ε̂(x) − z‖²/d (PyTorch's <c>mse_loss</c>, as in DiffusionEasy2Hard).
/// </summary>
public sealed record TeacherStudentOptions
{
    /// <summary>Number of hidden units m (≥ 1).</summary>
    public int HiddenUnits { get; init; } = 1;

    /// <summary>Tied or untied second layer.</summary>
    public DenoiserArchitecture Architecture { get; init; } = DenoiserArchitecture.Tied;

    /// <summary>The activation g.</summary>
    public Activation Activation { get; init; } = Activation.Tanh;

    /// <summary>The noising time t (α = e^{−t}, δ = √(1 − e^{−2t})).</summary>
    public FixedTimeNoise Noise { get; init; } = new(0.3);

    /// <summary>The optimiser.</summary>
    public DenoiserOptimizer Optimizer { get; init; } = DenoiserOptimizer.Sgd;

    /// <summary>The learning rate η (&gt; 0).</summary>
    public double LearningRate { get; init; } = 0.01;

    /// <summary>Fresh samples per step B (≥ 1).</summary>
    public int BatchSize { get; init; } = 1;

    /// <summary>Number of steps (≥ 1).</summary>
    public long Steps { get; init; } = 10_000;

    /// <summary>Whether the skip s is trained (otherwise it stays at <see cref="InitialSkip"/>).</summary>
    public bool LearnSkip { get; init; } = true;

    /// <summary>The initial skip s.</summary>
    public double InitialSkip { get; init; }

    /// <summary>Initial weights are N(0, (scale)²/d) (the code's 0.1/√d); rows are unit vectors under spherical SGD.</summary>
    public double InitialScale { get; init; } = 0.1;

    /// <summary>Number of log-spaced logging steps between 1 and <see cref="Steps"/> (step 0 is always logged).</summary>
    public int LogPoints { get; init; } = 30;

    /// <summary>Size of each fixed test set (data, Gaussian clone, mean clone); 0 skips test losses.</summary>
    public int TestSize { get; init; } = 2000;

    /// <summary>When set, the first step at which this spike's overlap reaches <see cref="EscapeThreshold"/> is recorded.</summary>
    public MixedCumulantSpike? EscapeSpike { get; init; }

    /// <summary>The overlap that counts as escaped (0.5).</summary>
    public double EscapeThreshold { get; init; } = 0.5;

    /// <summary>Stop a replica once it has escaped.</summary>
    public bool StopAtEscape { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (HiddenUnits < 1) throw new ArgumentOutOfRangeException(nameof(HiddenUnits), HiddenUnits, "must be ≥ 1.");
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "must be finite and > 0.");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "must be ≥ 1.");
        if (Steps < 1) throw new ArgumentOutOfRangeException(nameof(Steps), Steps, "must be ≥ 1.");
        if (LogPoints < 1) throw new ArgumentOutOfRangeException(nameof(LogPoints), LogPoints, "must be ≥ 1.");
        if (TestSize < 0) throw new ArgumentOutOfRangeException(nameof(TestSize), TestSize, "must be ≥ 0.");
        if (!(EscapeThreshold > 0 && EscapeThreshold <= 1)) throw new ArgumentOutOfRangeException(nameof(EscapeThreshold), EscapeThreshold, "must be in (0, 1].");
        if (!double.IsFinite(InitialSkip)) throw new ArgumentOutOfRangeException(nameof(InitialSkip), InitialSkip, "must be finite.");
        if (!(InitialScale > 0) || double.IsInfinity(InitialScale)) throw new ArgumentOutOfRangeException(nameof(InitialScale), InitialScale, "must be finite and > 0.");
        ArgumentNullException.ThrowIfNull(Activation);
    }
}
