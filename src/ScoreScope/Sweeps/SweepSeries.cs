using System.Globalization;

namespace ScoreScope.Sweeps;

/// <summary>
/// A metric against one axis option, averaged over the points that differ only in their seed: one series per setting of
/// the other options, each point the mean with its standard error s/√n over n seeds (no error when n = 1).
/// </summary>
/// <param name="Label">The other options' setting (empty when there are none).</param>
/// <param name="X">The axis values, in first-seen order.</param>
/// <param name="Mean">The metric's mean at each x.</param>
/// <param name="StandardError">Its standard error (NaN for a single seed).</param>
/// <param name="Count">The number of seeds at each x.</param>
public sealed record SweepSeries(string Label, IReadOnlyList<string> X, IReadOnlyList<double> Mean, IReadOnlyList<double> StandardError,
    IReadOnlyList<int> Count)
{
    /// <summary>The series of <paramref name="metric"/> (a metric key without the <c>metric.</c> prefix) against option <paramref name="axis"/>.</summary>
    /// <exception cref="ArgumentException">When no done point has both the option and a numeric value of the metric.</exception>
    public static IReadOnlyList<SweepSeries> Of(SweepTable table, string metric, string axis)
    {
        ArgumentNullException.ThrowIfNull(table);
        string metricColumn = "metric." + metric, axisColumn = "option." + axis;
        var usable = table.Rows.Where(r => r.TryGetValue("state", out var s) && s == "done" && r.ContainsKey(axisColumn)
            && r.TryGetValue(metricColumn, out var v) && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)).ToArray();
        if (usable.Length == 0)
        {
            var metrics = table.Columns.Where(c => c.StartsWith("metric.", StringComparison.Ordinal)).Select(c => c[7..]).Take(12);
            var options = table.Columns.Where(c => c.StartsWith("option.", StringComparison.Ordinal)).Select(c => c[7..]);
            throw new ArgumentException($"no done point has option '{axis}' and a numeric metric '{metric}'; options: {string.Join(", ", options)}; metrics include: {string.Join(", ", metrics)}");
        }
        string Others(IReadOnlyDictionary<string, string> row) => string.Join(", ", row.Where(kv => kv.Key.StartsWith("option.", StringComparison.Ordinal)
            && kv.Key != axisColumn && kv.Key != "option.seed").OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key[7..]}={kv.Value}"));
        var series = new List<SweepSeries>();
        foreach (var group in usable.GroupBy(Others))
        {
            var xs = new List<string>();
            var means = new List<double>();
            var errors = new List<double>();
            var counts = new List<int>();
            foreach (var at in group.GroupBy(r => r[axisColumn]))
            {
                var values = at.Select(r => double.Parse(r[metricColumn], NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
                double mean = values.Average();
                double se = values.Length > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1) / values.Length) : double.NaN;
                xs.Add(at.Key);
                means.Add(mean);
                errors.Add(se);
                counts.Add(values.Length);
            }
            series.Add(new SweepSeries(group.Key, xs, means, errors, counts));
        }
        return series;
    }
}
