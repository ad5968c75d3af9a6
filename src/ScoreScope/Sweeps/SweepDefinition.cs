namespace ScoreScope.Sweeps;

/// <summary>
/// A sweep: a named base command line (<see cref="Command"/> with the fixed <see cref="Options"/>) and the
/// <see cref="Axes"/> along which options vary. Its points are the Cartesian product of the axes
/// (<see cref="SweepPlan.Expand"/>). Read from a sweep file by <see cref="SweepFile"/>.
/// </summary>
/// <param name="Name">The sweep's name (kept in the output folder; a folder holds one sweep).</param>
/// <param name="Command">The scorescope command words, e.g. <c>["sample"]</c> or <c>["reproduce", "spectra"]</c>.</param>
/// <param name="Options">Fixed options, by name without dashes (value "true" for a flag; <c>set:NAME</c> for <c>--set NAME=value</c>).</param>
/// <param name="Axes">The axes, in file order (the first varies slowest).</param>
public sealed record SweepDefinition(string Name, IReadOnlyList<string> Command, IReadOnlyDictionary<string, string> Options,
    IReadOnlyList<SweepAxis> Axes)
{
    /// <summary>The number of points: the product of the axes' lengths (1 without axes).</summary>
    public long PointCount => Axes.Aggregate(1L, (n, a) => n * a.Length);

    /// <summary>The command as one string, e.g. <c>reproduce spectra</c>.</summary>
    public string CommandText => string.Join(' ', Command);
}
