using ScoreScope.Analysis;

namespace ScoreScope.Cli.Runs;

/// <summary>What a finished <see cref="SampleJob"/> reports for the console summary.</summary>
/// <param name="SampleShape">Shape of samples.npy, [n, …event].</param>
/// <param name="Dtype">Element type of samples.npy.</param>
/// <param name="Seed">The seed used.</param>
/// <param name="Metrics">The metrics table rows.</param>
/// <param name="Files">The files written, relative to the run folder.</param>
/// <param name="Elapsed">Wall-clock time of the job.</param>
public sealed record SampleRunResult(long[] SampleShape, string Dtype, ulong Seed, IReadOnlyList<MetricRow> Metrics,
    IReadOnlyList<string> Files, TimeSpan Elapsed);
