using ScoreScope.Training;

namespace ScoreScope.Experiments;

/// <summary>
/// The training schedule shared by the MLPs of the <c>reproduce</c> experiments: warm-up over the first tenth of the
/// steps (at most 200), no intermediate checkpoints (the experiment saves the final model itself) and a fixed number
/// of held-out evaluations; loss, time sampling and held-out size are left to the caller (<c>with</c>).
/// </summary>
internal static class ExperimentTraining
{
    /// <summary>Training options for <paramref name="steps"/> steps with <paramref name="evaluations"/> held-out evaluations.</summary>
    public static TrainingOptions Options(int steps, int batchSize, double learningRate, ulong seed, int evaluations) => new()
    {
        Steps = steps,
        BatchSize = batchSize,
        LearningRate = learningRate,
        WarmupSteps = Math.Min(200, steps / 10),
        Seed = seed,
        CheckpointEvery = 0,
        EvaluateEvery = Math.Max(1, steps / evaluations),
    };
}
