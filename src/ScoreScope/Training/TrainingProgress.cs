namespace ScoreScope.Training;

/// <summary>Reported after every training step, e.g. for a progress bar.</summary>
/// <param name="Step">Completed steps.</param>
/// <param name="TotalSteps">The step budget.</param>
/// <param name="Loss">The training loss, exponentially smoothed over ~100 steps.</param>
/// <param name="LearningRate">The learning rate of the last step.</param>
/// <param name="StepsPerSecond">Steps per second over this run (since start or resume).</param>
/// <param name="Elapsed">Wall time of this run.</param>
/// <param name="Remaining">Estimated time to the end of the budget.</param>
public readonly record struct TrainingProgress(
    int Step, int TotalSteps, double Loss, double LearningRate, double StepsPerSecond, TimeSpan Elapsed, TimeSpan Remaining);
