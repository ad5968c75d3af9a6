namespace ScoreScope.Sweeps;

/// <summary>One point in sweep.json: its id, command words and options.</summary>
public sealed record SweepRecordPoint(string Id, IReadOnlyList<string> Command, IReadOnlyDictionary<string, string> Options)
{
    /// <summary>The record of <paramref name="point"/>.</summary>
    public static SweepRecordPoint Of(SweepPoint point) => new(point.Id, point.Command, point.Options);

    /// <summary>The point this record describes.</summary>
    public SweepPoint ToPoint() => new(Command, Options);
}
