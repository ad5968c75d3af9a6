namespace ScoreScope.Experiments;

/// <summary>What one experiment run produced besides its files.</summary>
/// <param name="Claims">The claims checked (also written as checks.csv and checks.json).</param>
/// <param name="Tables">Tables for display, in order.</param>
/// <param name="Notes">Closing lines (verdicts, resolution notes).</param>
/// <param name="Resolved">What the parameters resolved to (processes, samplers, losses), for config.json's <c>"resolved"</c>.</param>
/// <param name="Figures">The figures written (paths relative to the run folder).</param>
public sealed record ExperimentOutcome(
    ClaimReport Claims, IReadOnlyList<ResultTable> Tables, IReadOnlyList<string> Notes,
    IReadOnlyDictionary<string, string> Resolved, IReadOnlyList<string> Figures);
