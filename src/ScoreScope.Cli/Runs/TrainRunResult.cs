using ScoreScope.Training;

namespace ScoreScope.Cli.Runs;

/// <summary>The outcome of a <see cref="TrainJob"/> run.</summary>
/// <param name="Step">Completed steps.</param>
/// <param name="TotalSteps">The step budget.</param>
/// <param name="Completed">True when the budget was reached and model.ckpt written.</param>
/// <param name="Cancelled">True when Ctrl+C / SIGTERM stopped training (a checkpoint is kept).</param>
/// <param name="NonFinite">The non-finite loss that stopped training, if any.</param>
/// <param name="LastMetrics">The last metrics row.</param>
/// <param name="StepsPerSecond">Steps per second of this run.</param>
/// <param name="Elapsed">Wall time of this run (data, training, plots).</param>
public sealed record TrainRunResult(int Step, int TotalSteps, bool Completed, bool Cancelled, NonFiniteLossException? NonFinite,
    TrainingMetrics? LastMetrics, double StepsPerSecond, TimeSpan Elapsed);
