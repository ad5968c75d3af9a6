using System.Globalization;
using ScottPlot;

namespace ScoreScope.Cli.Plotting;

/// <summary>
/// score_error.png: the relative score error E‖s_θ − s*‖²/E‖s*‖² against t on a logarithmic axis, with ±2 standard
/// error bars and a reference line (the acceptance level).
/// </summary>
public static class ScoreErrorPlot
{
    /// <summary>Writes the plot; all arrays have one entry per time.</summary>
    public static void Write(string path, double[] times, double[] relativeErrors, double[] standardErrors, double referenceLevel,
        string title, int width = 900, int height = 600)
    {
        var plot = new Plot();
        double floor = relativeErrors.Where(v => v > 0).DefaultIfEmpty(1e-6).Min() / 10;
        double Log(double v) => Math.Log10(Math.Max(v, floor));
        var low = relativeErrors.Select((v, i) => Log(v - 2 * standardErrors[i])).ToArray();
        var high = relativeErrors.Select((v, i) => Log(v + 2 * standardErrors[i])).ToArray();
        var band = plot.Add.FillY(times, low, high);
        band.FillColor = Colors.Blue.WithAlpha(0.2);
        band.LegendText = "± 2 SE";
        var curve = plot.Add.Scatter(times, relativeErrors.Select(Log).ToArray());
        curve.Color = Colors.Blue;
        curve.LegendText = "rel_error(t)";
        var level = plot.Add.HorizontalLine(Math.Log10(referenceLevel));
        level.Color = Colors.Red;
        level.LinePattern = LinePattern.Dashed;
        level.LegendText = referenceLevel.ToString("G3", CultureInfo.InvariantCulture);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            LabelFormatter = y => Math.Pow(10, y).ToString("G3", CultureInfo.InvariantCulture),
        };
        plot.Title(title);
        plot.XLabel("t");
        plot.YLabel("E‖s_θ − s*‖² / E‖s*‖² (log scale)");
        plot.ShowLegend(Alignment.UpperRight);
        ScoreScope.Experiments.Plotting.PlotFile.Save(plot, path, width, height);
    }
}
