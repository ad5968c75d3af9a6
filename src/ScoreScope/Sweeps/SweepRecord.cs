namespace ScoreScope.Sweeps;

/// <summary>The content of a sweep folder's sweep.json: the sweep's name and command and every point ever planned in it.</summary>
public sealed record SweepRecord(string Name, string Command, string Version, IReadOnlyList<SweepRecordPoint> Points);
