using System.Globalization;
using ScottPlot;

namespace ScoreScope.Experiments.Plotting;

/// <summary>
/// Curves mean(x) with a ±1 standard-error band each (e.g. an order parameter over seeds against the training step),
/// optionally on a logarithmic x axis (non-positive x are dropped there). Takes plain arrays only (STYLE B12); written
/// as PNG and SVG through <see cref="PlotFile"/>.
/// </summary>
public static class BandPlot
{
    /// <summary>Writes the plot to <paramref name="path"/> (.png, and .svg beside it).</summary>
    /// <param name="path">The .png file to create.</param>
    /// <param name="series">The curves: legend label, X, mean and standard error (NaN SE draws no band), all of equal length.</param>
    /// <param name="title">Plot title.</param>
    /// <param name="xLabel">Label of the horizontal axis.</param>
    /// <param name="yLabel">Label of the vertical axis.</param>
    /// <param name="logX">Whether x is drawn on a log₁₀ axis.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    public static void Write(string path, IReadOnlyList<(string Label, double[] X, double[] Mean, double[] StandardError)> series,
        string title, string xLabel, string yLabel, bool logX, int width = 900, int height = 600)
    {
        ArgumentNullException.ThrowIfNull(series);
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        for (int s = 0; s < series.Count; s++)
        {
            var (label, x, mean, se) = series[s];
            var keep = Enumerable.Range(0, Math.Min(x.Length, Math.Min(mean.Length, se.Length)))
                .Where(i => double.IsFinite(x[i]) && double.IsFinite(mean[i]) && (!logX || x[i] > 0)).ToArray();
            if (keep.Length == 0) continue;
            var xs = keep.Select(i => logX ? Math.Log10(x[i]) : x[i]).ToArray();
            var ys = keep.Select(i => mean[i]).ToArray();
            var color = palette.GetColor(s);
            if (keep.All(i => double.IsFinite(se[i])))
            {
                var band = plot.Add.FillY(xs, keep.Select(i => mean[i] - se[i]).ToArray(), keep.Select(i => mean[i] + se[i]).ToArray());
                band.FillColor = color.WithAlpha(0.2);
            }
            var line = plot.Add.Scatter(xs, ys);
            line.Color = color;
            line.MarkerSize = 3;
            line.LegendText = label;
        }
        if (logX)
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                LabelFormatter = v => Math.Pow(10, v).ToString("G3", CultureInfo.InvariantCulture),
            };
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.ShowLegend(Alignment.UpperLeft);
        PlotFile.Save(plot, path, width, height);
    }
}
