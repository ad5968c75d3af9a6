namespace ScoreScope.Cli.Settings;

/// <summary>The options of a <c>scorescope likelihood</c> run, as recorded in its config.json.</summary>
/// <param name="Score"><c>exact</c> or <c>model</c>.</param>
/// <param name="Model">The trained run folder (absolute path), or null for the exact score.</param>
/// <param name="Data">The distribution (built-in name or absolute file path) of the exact score and of fresh points, or null.</param>
/// <param name="Points">The points file (absolute path), or null for fresh draws.</param>
/// <param name="Count">Number of points.</param>
/// <param name="Seed">Seed of fresh points, dequantisation noise and Hutchinson probes.</param>
/// <param name="Process">The forward process used.</param>
/// <param name="MinimumTime">t_min.</param>
/// <param name="RelativeTolerance">rtol.</param>
/// <param name="AbsoluteTolerance">atol.</param>
/// <param name="Divergence"><c>exact</c> or <c>hutchinson</c>.</param>
/// <param name="Probes">Hutchinson probes per point (null for the exact divergence).</param>
/// <param name="Probe">The probes' law (null for the exact divergence).</param>
/// <param name="Terminal"><c>prior</c> (N(0, σ_p²I)) or <c>exact</c> (the distribution's p_T).</param>
/// <param name="Dequantised">Whether fresh 8-bit image points were dequantised uniformly.</param>
/// <param name="BatchSize">Points solved together.</param>
public sealed record LikelihoodCommandOptions(string Score, string? Model, string? Data, string? Points, long Count, ulong Seed,
    string Process, double MinimumTime, double RelativeTolerance, double AbsoluteTolerance, string Divergence, int? Probes,
    string? Probe, string Terminal, bool Dequantised, long BatchSize);
