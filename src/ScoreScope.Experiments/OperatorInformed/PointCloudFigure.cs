using ScottPlot;
using ScoreScope.Experiments.Plotting;

namespace ScoreScope.Experiments.OperatorInformed;

/// <summary>A marker-only scatter figure of several labelled point clouds (PNG and SVG, <see cref="PlotFile"/>).</summary>
static class PointCloudFigure
{
    public static void Write(string path, IReadOnlyList<(string Label, double[] X, double[] Y)> clouds, string title, string xLabel, string yLabel,
        (double Left, double Right, double Bottom, double Top)? limits = null)
    {
        var plot = new Plot();
        foreach (var (label, x, y) in clouds)
        {
            var scatter = plot.Add.Scatter(x, y);
            scatter.LineWidth = 0;
            scatter.MarkerSize = 2;
            scatter.LegendText = label;
        }
        if (limits is { } l) plot.Axes.SetLimits(l.Left, l.Right, l.Bottom, l.Top);
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.ShowLegend(Alignment.UpperRight);
        PlotFile.Save(plot, path, 800, 700);
    }
}
