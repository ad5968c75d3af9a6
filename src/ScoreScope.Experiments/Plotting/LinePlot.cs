using ScottPlot;

namespace ScoreScope.Experiments.Plotting;

/// <summary>
/// A PNG plot of several labelled curves y(x) with markers (e.g. an error curve per model, or histogram counts per
/// bin). Takes plain arrays only, never tensors (STYLE B12); non-finite points are dropped.
/// </summary>
public static class LinePlot
{
    /// <summary>Writes the plot to <paramref name="path"/> (PNG, <paramref name="width"/> × <paramref name="height"/> pixels).</summary>
    /// <param name="path">The .png file to create.</param>
    /// <param name="series">The curves: a legend label and X, Y of equal length.</param>
    /// <param name="title">Plot title.</param>
    /// <param name="xLabel">Label of the horizontal axis.</param>
    /// <param name="yLabel">Label of the vertical axis.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    public static void Write(string path, IReadOnlyList<(string Label, double[] X, double[] Y)> series,
        string title, string xLabel, string yLabel, int width = 900, int height = 600)
    {
        ArgumentNullException.ThrowIfNull(series);
        var plot = new Plot();
        foreach (var (label, x, y) in series)
        {
            var keep = Enumerable.Range(0, Math.Min(x.Length, y.Length)).Where(i => double.IsFinite(x[i]) && double.IsFinite(y[i])).ToArray();
            var scatter = plot.Add.Scatter(keep.Select(i => x[i]).ToArray(), keep.Select(i => y[i]).ToArray());
            scatter.LegendText = label;
            scatter.MarkerSize = 4;
        }
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.ShowLegend(Alignment.UpperRight);
        PlotFile.Save(plot, path, width, height);
    }
}
