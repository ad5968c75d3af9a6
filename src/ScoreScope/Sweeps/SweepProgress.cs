namespace ScoreScope.Sweeps;

/// <summary>Progress of a sweep run: points finished so far (done and failed) out of <see cref="Total"/>, and the last one.</summary>
public sealed record SweepProgress(int Total, int Done, int Failed, SweepPointStatus? Last);
