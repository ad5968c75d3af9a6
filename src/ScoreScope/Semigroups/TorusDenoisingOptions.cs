using ScoreScope.Scores;

namespace ScoreScope.Semigroups;

/// <summary>The options of <see cref="TorusDenoisingTrainer"/>.</summary>
/// <param name="Mode">Network only, OISM residual or warm start.</param>
/// <param name="Steps">Iterations (the paper's budget: 20 000 for every trained variant).</param>
/// <param name="BatchSize">Samples per iteration.</param>
/// <param name="LearningRate">Peak Adam learning rate (linear warm-up over 2% of the steps, cosine decay to 1%).</param>
/// <param name="WarmStartSteps">Iterations of the warm start spent regressing s̃_t (only for <see cref="OismNetworkMode.WarmStart"/>).</param>
/// <param name="MinimumTime">The smallest training time t_min &gt; 0.</param>
/// <param name="MaximumTime">The largest training time.</param>
/// <param name="TimeGridSize">Training times are drawn uniformly from this many log-spaced times in [t_min, t_max].</param>
/// <param name="Network">Width, depth and time embedding of the <see cref="PeriodicMlpScoreNetwork"/>.</param>
/// <param name="GradientClipNorm">The gradient-norm clip (0: none).</param>
/// <param name="Seed">The seed of the initial weights and of every batch, time and noise draw.</param>
public sealed record TorusDenoisingOptions(
    OismNetworkMode Mode,
    int Steps,
    int BatchSize = 256,
    double LearningRate = 2e-3,
    int WarmStartSteps = 0,
    double MinimumTime = 0.01,
    double MaximumTime = 1.0,
    int TimeGridSize = 64,
    MlpOptions? Network = null,
    double GradientClipNorm = 1.0,
    ulong Seed = 0)
{
    /// <summary>The network sizes, a small MLP (width 128, depth 2) when none are given.</summary>
    public MlpOptions ResolvedNetwork => Network ?? new MlpOptions(Width: 128, Depth: 2, EmbeddingDimension: 32, EmbeddingScale: 30.0);

    /// <summary>The log-spaced training time grid t_min … t_max.</summary>
    public double[] TimeGrid() => TimeGridSize == 1 ? [MinimumTime]
        : [.. Enumerable.Range(0, TimeGridSize).Select(g => MinimumTime * Math.Pow(MaximumTime / MinimumTime, g / (double)(TimeGridSize - 1)))];

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Naming the first invalid option.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Steps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(TimeGridSize);
        ArgumentOutOfRangeException.ThrowIfNegative(WarmStartSteps);
        if (WarmStartSteps > Steps) throw new ArgumentOutOfRangeException(nameof(WarmStartSteps), WarmStartSteps, $"must be ≤ Steps = {Steps}.");
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate)) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "must be finite and > 0.");
        if (!(MinimumTime > 0) || !(MaximumTime >= MinimumTime) || !double.IsFinite(MaximumTime))
            throw new ArgumentOutOfRangeException(nameof(MinimumTime), MinimumTime, $"need 0 < t_min ≤ t_max < ∞; got [{MinimumTime}, {MaximumTime}].");
        if (!(GradientClipNorm >= 0)) throw new ArgumentOutOfRangeException(nameof(GradientClipNorm), GradientClipNorm, "must be ≥ 0.");
    }
}
