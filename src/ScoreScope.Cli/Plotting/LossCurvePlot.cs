using System.Globalization;
using ScottPlot;

namespace ScoreScope.Cli.Plotting;

/// <summary>
/// loss.png of a training run: training loss and held-out loss (current and EMA weights) against the step, on a
/// logarithmic loss axis when every loss is positive (sliced score matching can go negative: then linear).
/// </summary>
public static class LossCurvePlot
{
    /// <summary>Reads the metrics.csv at <paramref name="metricsPath"/> and writes the plot to <paramref name="path"/>.</summary>
    public static void Write(string path, string metricsPath, string title, int width = 900, int height = 600)
    {
        var lines = File.Exists(metricsPath) ? File.ReadAllLines(metricsPath) : [];
        var header = lines.Length > 0 ? lines[0].Split(',') : [];
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToArray();
        double[] Column(string name)
        {
            int index = Array.IndexOf(header, name);
            return index < 0 ? [] : rows.Select(r => double.Parse(r[index], CultureInfo.InvariantCulture)).ToArray();
        }
        var steps = Column("step");
        var series = new (string Label, double[] Values, Color Color)[]
        {
            ("train", Column("train_loss"), Colors.Gray),
            ("held-out", Column("heldout_loss"), Colors.Blue),
            ("held-out (EMA)", Column("heldout_loss_ema"), Colors.Red),
        };
        bool logarithmic = series.All(s => s.Values.All(v => v > 0 || double.IsNaN(v)));

        var plot = new Plot();
        foreach (var (label, values, color) in series.Where(s => s.Values.Length == steps.Length && s.Values.Length > 0))
        {
            var ys = logarithmic ? values.Select(Math.Log10).ToArray() : values;
            var line = plot.Add.Scatter(steps, ys);
            line.Color = color;
            line.LegendText = label;
            line.MarkerSize = 3;
        }
        if (logarithmic)
        {
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                LabelFormatter = y => Math.Pow(10, y).ToString("G3", CultureInfo.InvariantCulture),
            };
        }
        plot.Title(title);
        plot.XLabel("step");
        plot.YLabel(logarithmic ? "loss (log scale)" : "loss");
        plot.ShowLegend(Alignment.UpperRight);
        ScoreScope.Experiments.Plotting.PlotFile.Save(plot, path, width, height);
    }
}
