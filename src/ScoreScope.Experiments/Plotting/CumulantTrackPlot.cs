using ScottPlot;

namespace ScoreScope.Experiments.Plotting;

/// <summary>
/// PNG plots of cumulant tracks (Aarts et al. 2024, arXiv 2410.21212, figures of κ_n/κ_n^exact − 1 versus t): one
/// series per order with a ±1 SE band, and a grid of κ_n(t) panels with the analytic law overlaid. Takes plain arrays
/// only (STYLE B12).
/// </summary>
public static class CumulantTrackPlot
{
    /// <summary>One order's series: times, measured values, standard errors and the analytic (exact) values.</summary>
    /// <param name="Order">The cumulant order n.</param>
    /// <param name="Time">Times t.</param>
    /// <param name="Value">κ̂_n(t).</param>
    /// <param name="Error">Standard errors of κ̂_n(t).</param>
    /// <param name="Exact">The analytic κ_n(t).</param>
    public sealed record Series(int Order, double[] Time, double[] Value, double[] Error, double[] Exact);

    static readonly Color[] Palette = [Colors.Blue, Colors.OrangeRed, Colors.Green, Colors.Purple];

    /// <summary>
    /// κ_n/κ_n^exact − 1 versus t with ±1 SE bands. Points where the analytic value is below the standard error (the
    /// ratio is noise only, e.g. VP at large t where κ_n → 0) are left out.
    /// </summary>
    public static void WriteRelativeDeviation(string path, IReadOnlyList<Series> series, string title, int width = 900, int height = 600)
    {
        ArgumentNullException.ThrowIfNull(series);
        var plot = new Plot();
        double span = 0;
        for (int s = 0; s < series.Count; s++)
        {
            var d = series[s];
            var keep = Enumerable.Range(0, d.Time.Length).Where(i => Math.Abs(d.Exact[i]) > d.Error[i] && d.Exact[i] != 0).ToArray();
            if (keep.Length == 0) continue;
            double[] t = [.. keep.Select(i => d.Time[i])];
            double[] r = [.. keep.Select(i => d.Value[i] / d.Exact[i] - 1)];
            double[] e = [.. keep.Select(i => d.Error[i] / Math.Abs(d.Exact[i]))];
            var color = Palette[s % Palette.Length];
            var band = plot.Add.FillY(t, [.. r.Zip(e, (a, b) => a - b)], [.. r.Zip(e, (a, b) => a + b)]);
            band.FillColor = color.WithAlpha(0.2);
            band.LineColor = Colors.Transparent;
            var line = plot.Add.Scatter(t, r);
            line.Color = color;
            line.MarkerSize = 3;
            line.LegendText = $"κ{d.Order}";
            span = Math.Max(span, r.Zip(e, (a, b) => Math.Abs(a) + b).Max());
        }
        plot.Add.HorizontalLine(0, color: Colors.Black.WithAlpha(0.5));
        span = Math.Clamp(span * 1.1, 1e-3, 1.5);
        plot.Axes.SetLimitsY(-span, span);
        plot.Title(title);
        plot.XLabel("t");
        plot.YLabel("κ_n / κ_n^exact − 1");
        plot.ShowLegend(Alignment.UpperRight);
        PlotFile.Save(plot, path, width, height);
    }

    /// <summary>A 2 × 2 grid of κ_n(t) panels (markers with ±1 SE error bars and band) with the analytic law as a line.</summary>
    public static void WriteTracks(string path, IReadOnlyList<Series> series, string title, int width = 1200, int height = 900)
    {
        ArgumentNullException.ThrowIfNull(series);
        var multiplot = new Multiplot();
        multiplot.AddPlots(series.Count);
        int columns = 2, rows = (series.Count + columns - 1) / columns;
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(rows, columns);
        for (int s = 0; s < series.Count; s++)
        {
            var d = series[s];
            var plot = multiplot.GetPlot(s);
            var band = plot.Add.FillY(d.Time, [.. d.Value.Zip(d.Error, (v, e) => v - e)], [.. d.Value.Zip(d.Error, (v, e) => v + e)]);
            band.FillStyle.Color = Palette[s % Palette.Length].WithAlpha(0.18);
            band.LineStyle.Width = 0;
            var exact = plot.Add.ScatterLine(d.Time, d.Exact);
            exact.Color = Colors.Black;
            exact.LegendText = "analytic";
            var measured = plot.Add.ErrorBar(d.Time, d.Value, d.Error);
            measured.Color = Palette[s % Palette.Length];
            var markers = plot.Add.ScatterPoints(d.Time, d.Value);
            markers.Color = Palette[s % Palette.Length];
            markers.MarkerSize = 3;
            markers.LegendText = "measured ± SE";
            plot.Title($"{title}: κ{d.Order}(t)");
            plot.XLabel("t");
            plot.ShowLegend(Alignment.UpperRight);
        }
        PlotFile.Save(multiplot, path, width, height);
    }
}
