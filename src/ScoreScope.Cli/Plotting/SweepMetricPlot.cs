using System.Globalization;
using ScottPlot;
using ScoreScope.Sweeps;

namespace ScoreScope.Cli.Plotting;

/// <summary>
/// A sweep metric against one axis option: one line per setting of the other options, each point the mean over seeds
/// with ± 1 standard-error bars (<see cref="SweepSeries"/>). Numeric axis values are placed at their value, others at
/// their index with the value as the tick label. Written as PNG and SVG.
/// </summary>
public static class SweepMetricPlot
{
    /// <summary>Writes <paramref name="pathWithoutExtension"/>.png and .svg.</summary>
    public static void Write(string pathWithoutExtension, IReadOnlyList<SweepSeries> series, string metric, string axis, string title)
    {
        var plot = new Plot();
        bool numeric = series.SelectMany(s => s.X).All(x => double.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        var categories = series.SelectMany(s => s.X).Distinct().ToList();
        double Position(string x) => numeric ? double.Parse(x, NumberStyles.Float, CultureInfo.InvariantCulture) : categories.IndexOf(x);
        var palette = new ScottPlot.Palettes.Category10();
        for (int k = 0; k < series.Count; k++)
        {
            var s = series[k];
            var order = Enumerable.Range(0, s.X.Count).OrderBy(i => Position(s.X[i])).ToArray();
            double[] xs = order.Select(i => Position(s.X[i])).ToArray();
            double[] ys = order.Select(i => s.Mean[i]).ToArray();
            double[] es = order.Select(i => double.IsNaN(s.StandardError[i]) ? 0 : s.StandardError[i]).ToArray();
            var color = palette.GetColor(k);
            var line = plot.Add.Scatter(xs, ys);
            line.Color = color;
            line.LegendText = s.Label.Length == 0 ? metric : s.Label;
            var bars = plot.Add.ErrorBar(xs, ys, es);
            bars.Color = color;
        }
        if (!numeric)
        {
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                categories.Select((c, i) => (double)i).ToArray(), categories.ToArray());
        }
        plot.Title(title);
        plot.XLabel(axis);
        plot.YLabel(metric + " (mean ± 1 SE over seeds)");
        if (series.Count > 1 || series[0].Label.Length > 0) plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(pathWithoutExtension + ".png", 900, 600);
        plot.SaveSvg(pathWithoutExtension + ".svg", 900, 600);
    }
}
