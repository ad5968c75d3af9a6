using ScottPlot;

namespace ScoreScope.Cli.Plotting;

/// <summary>
/// A PNG scatter plot of generated samples drawn over reference data (both already projected to a plane). The axes
/// follow <see cref="ScatterAxisLimits"/> (the data and the central 99 % of the samples), so a few far-away samples do not
/// shrink the picture to a dot; the title then says how many samples lie outside. Takes plain arrays only, never
/// tensors (STYLE B12).
/// </summary>
public static class ScatterOverlayPlot
{
    /// <summary>Largest number of points drawn per set; larger sets are thinned to every k-th point.</summary>
    public const int MaxPointsPerSet = 5000;

    /// <summary>Writes the plot to <paramref name="path"/> (PNG, <paramref name="size"/> × <paramref name="size"/> pixels).</summary>
    /// <param name="path">The .png file to create.</param>
    /// <param name="reference">Reference points (grey), X and Y of equal length.</param>
    /// <param name="samples">Generated points (blue), X and Y of equal length.</param>
    /// <param name="title">Plot title.</param>
    /// <param name="xLabel">Label of the horizontal axis.</param>
    /// <param name="yLabel">Label of the vertical axis.</param>
    /// <param name="size">Width and height in pixels.</param>
    public static void Write(string path, (double[] X, double[] Y) reference, (double[] X, double[] Y) samples,
        string title, string xLabel, string yLabel, int size = 800)
    {
        var plot = new Plot();
        Add(plot, reference, Colors.Gray.WithAlpha(0.35), "data (fresh true samples)");
        Add(plot, samples, Colors.Blue.WithAlpha(0.35), "samples");
        var limits = ScatterAxisLimits.Of(reference, samples);
        int total = Math.Min(samples.X.Length, samples.Y.Length);
        plot.Title(limits.SamplesOutside == 0 ? title : $"{title}\n({limits.SamplesOutside} of {total} samples outside the axes)");
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Axes.SetLimits(limits.XMin, limits.XMax, limits.YMin, limits.YMax);
        plot.Axes.SquareUnits();
        plot.ShowLegend(Alignment.UpperRight);
        ScoreScope.Experiments.Plotting.PlotFile.Save(plot, path, size, size);
    }

    static void Add(Plot plot, (double[] X, double[] Y) points, Color color, string label)
    {
        int count = Math.Min(points.X.Length, points.Y.Length);
        int stride = (count + MaxPointsPerSet - 1) / MaxPointsPerSet;
        var xs = Enumerable.Range(0, (count + stride - 1) / stride).Select(i => points.X[i * stride]).ToArray();
        var ys = Enumerable.Range(0, xs.Length).Select(i => points.Y[i * stride]).ToArray();
        var scatter = plot.Add.ScatterPoints(xs, ys);
        scatter.Color = color;
        scatter.MarkerSize = 2.5f;
        scatter.LegendText = label;
    }
}
