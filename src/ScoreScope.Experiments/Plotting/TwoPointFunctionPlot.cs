using ScottPlot;

namespace ScoreScope.Experiments.Plotting;

/// <summary>
/// The connected two-point function G(r) against the distance r (Aarts et al. 2024, arXiv 2410.21212, the φ⁴ lattice
/// comparison): one series per ensemble (HMC and the generated ones) with ±1 standard-error bars, on a linear axis so that
/// a sign change at large r (the broken phase subtracts ⟨M⟩²) stays visible. Plain arrays only.
/// </summary>
public static class TwoPointFunctionPlot
{
    /// <summary>One ensemble's G(r) for r = 0 … R with its standard errors.</summary>
    /// <param name="Label">Legend text.</param>
    /// <param name="Values">G(0) … G(R).</param>
    /// <param name="Errors">Their standard errors.</param>
    public sealed record Series(string Label, double[] Values, double[] Errors);

    /// <summary>Writes the figure as <paramref name="path"/> and an SVG beside it.</summary>
    /// <exception cref="ArgumentException">When a series' values and errors differ in length or a series is empty.</exception>
    public static void Write(string path, IReadOnlyList<Series> series, string title)
    {
        ArgumentNullException.ThrowIfNull(series);
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        for (int s = 0; s < series.Count; s++)
        {
            var (label, values, errors) = (series[s].Label, series[s].Values, series[s].Errors);
            if (values.Length == 0 || values.Length != errors.Length)
                throw new ArgumentException($"series '{label}': {values.Length} values and {errors.Length} errors", nameof(series));
            // Offset the series slightly along r so that their error bars do not hide each other.
            double[] r = Enumerable.Range(0, values.Length).Select(i => i + 0.08 * (s - (series.Count - 1) / 2.0)).ToArray();
            var bars = plot.Add.ErrorBar(r, values, errors);
            bars.Color = palette.GetColor(s);
            var line = plot.Add.ScatterLine(r, values);
            line.Color = palette.GetColor(s);
            line.MarkerSize = 5;
            line.LegendText = label;
        }
        plot.Add.HorizontalLine(0).Color = Colors.Black.WithAlpha(0.4);
        plot.Title(title);
        plot.XLabel("distance r (lattice units)");
        plot.YLabel("connected G(r) ± 1 SE (Γ-method)");
        plot.ShowLegend(Alignment.UpperRight);
        PlotFile.Save(plot, path, 900, 600);
    }
}
