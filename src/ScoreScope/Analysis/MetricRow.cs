namespace ScoreScope.Analysis;

/// <summary>One line of the metrics table printed after a run.</summary>
/// <param name="Metric">The metric's name.</param>
/// <param name="Value">Its value, formatted.</param>
/// <param name="Detail">How to read it (standard errors, p-value, reference).</param>
public sealed record MetricRow(string Metric, string Value, string Detail);
