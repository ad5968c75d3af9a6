using ScoreScope.Analysis;

namespace ScoreScope.Cli.Runs;

/// <summary>The outcome of an <see cref="EvaluateJob"/>.</summary>
/// <param name="MaxRelativeError">The largest rel_error on the acceptance window [<see cref="EvaluateJob.WindowStart"/>, T].</param>
/// <param name="MaxRelativeErrorTime">The time at which it occurs.</param>
/// <param name="Reference">What the exact score s* is (closed form, or the empirical score of a data file).</param>
/// <param name="Times">The number of times of the score-error curve.</param>
/// <param name="Sample">The sample stage's result.</param>
/// <param name="Rows">The metrics table (score error rows, then the sample metrics).</param>
/// <param name="Elapsed">Wall time.</param>
public sealed record EvaluateRunResult(double MaxRelativeError, double MaxRelativeErrorTime, string Reference, int Times, SampleRunResult Sample,
    IReadOnlyList<MetricRow> Rows, TimeSpan Elapsed);
