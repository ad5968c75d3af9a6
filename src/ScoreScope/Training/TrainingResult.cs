namespace ScoreScope.Training;

/// <summary>The outcome of <see cref="Trainer.Run"/>.</summary>
/// <param name="Step">Completed steps.</param>
/// <param name="Completed">True when the step budget was reached (false when stopped early or cancelled).</param>
/// <param name="LastMetrics">The last metrics row.</param>
/// <param name="StepsPerSecond">Steps per second over this run.</param>
/// <param name="Elapsed">Wall time of this run.</param>
/// <param name="CheckpointPath">The last checkpoint written, if any.</param>
/// <param name="ModelPath">The model file (EMA weights) written at completion, if any.</param>
public sealed record TrainingResult(
    int Step, bool Completed, TrainingMetrics? LastMetrics, double StepsPerSecond, TimeSpan Elapsed, string? CheckpointPath, string? ModelPath);
