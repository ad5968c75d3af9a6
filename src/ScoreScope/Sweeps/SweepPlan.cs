namespace ScoreScope.Sweeps;

/// <summary>Expands a <see cref="SweepDefinition"/> into its points.</summary>
public static class SweepPlan
{
    /// <summary>
    /// The points of <paramref name="sweep"/>: the Cartesian product of its axes, the first axis varying slowest, each
    /// with the fixed options plus one setting of every axis.
    /// </summary>
    public static IReadOnlyList<SweepPoint> Expand(SweepDefinition sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var points = new List<SweepPoint>();
        var index = new int[sweep.Axes.Count];
        while (true)
        {
            var options = new Dictionary<string, string>(sweep.Options, StringComparer.Ordinal);
            for (int a = 0; a < index.Length; a++)
            {
                foreach (var (name, value) in sweep.Axes[a].Setting(index[a])) options[name] = value;
            }
            points.Add(new SweepPoint(sweep.Command, options));
            int axis = index.Length - 1;
            while (axis >= 0 && ++index[axis] == sweep.Axes[axis].Length)
            {
                index[axis] = 0;
                axis--;
            }
            if (axis < 0) return points;
        }
    }
}
