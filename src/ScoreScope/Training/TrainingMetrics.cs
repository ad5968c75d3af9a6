namespace ScoreScope.Training;

/// <summary>
/// One row of the metrics stream (and of <c>metrics.csv</c>): training loss averaged since the previous row and the
/// held-out loss of the current and EMA weights, overall and per t-bucket.
/// </summary>
/// <param name="Step">Completed steps.</param>
/// <param name="LearningRate">The learning rate of the last step.</param>
/// <param name="TrainLoss">Mean training loss since the previous row.</param>
/// <param name="HeldOutLoss">Held-out loss with the current weights.</param>
/// <param name="HeldOutLossEma">Held-out loss with the EMA weights.</param>
/// <param name="BucketEdges">The t-bucket edges (length buckets + 1).</param>
/// <param name="TrainLossByBucket">Mean training loss per bucket since the previous row (NaN for an empty bucket).</param>
/// <param name="HeldOutLossEmaByBucket">Held-out loss of the EMA weights per bucket (NaN for an empty bucket).</param>
/// <param name="StepsPerSecond">Steps per second over this run.</param>
/// <param name="Elapsed">Wall time of this run.</param>
public sealed record TrainingMetrics(
    int Step,
    double LearningRate,
    double TrainLoss,
    double HeldOutLoss,
    double HeldOutLossEma,
    IReadOnlyList<double> BucketEdges,
    IReadOnlyList<double> TrainLossByBucket,
    IReadOnlyList<double> HeldOutLossEmaByBucket,
    double StepsPerSecond,
    TimeSpan Elapsed);
