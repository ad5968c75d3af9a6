namespace ScoreScope.Sweeps;

/// <summary>
/// One axis of a sweep: <see cref="Length"/> settings, each assigning a value to every option of the axis. A grid axis
/// has one option, a zip axis several (equal-length lists taken pairwise), a seeds axis the option <c>seed</c>.
/// </summary>
/// <param name="Kind">How the axis was written.</param>
/// <param name="Values">Per option name (without dashes), its values in order; every list has <see cref="Length"/> entries.</param>
public sealed record SweepAxis(SweepAxisKind Kind, IReadOnlyDictionary<string, IReadOnlyList<string>> Values)
{
    /// <summary>The number of settings along the axis.</summary>
    public int Length => Values.Values.First().Count;

    /// <summary>The options the axis sets.</summary>
    public IEnumerable<string> Options => Values.Keys;

    /// <summary>The <paramref name="index"/>-th setting: each option of the axis with its value.</summary>
    public IEnumerable<KeyValuePair<string, string>> Setting(int index) =>
        Values.Select(v => new KeyValuePair<string, string>(v.Key, v.Value[index]));
}
