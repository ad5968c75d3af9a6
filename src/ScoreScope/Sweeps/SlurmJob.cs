namespace ScoreScope.Sweeps;

/// <summary>A submitted (or, for a dry run, written) sweep job array.</summary>
/// <param name="JobId">Slurm's job id, or null for a dry run.</param>
/// <param name="Script">The job script.</param>
/// <param name="TaskFile">The file listing one point id per array index.</param>
/// <param name="PointIds">The points, by array index.</param>
/// <param name="Submitted">When it was written (UTC).</param>
public sealed record SlurmJob(string? JobId, string Script, string TaskFile, IReadOnlyList<string> PointIds, DateTime Submitted);
