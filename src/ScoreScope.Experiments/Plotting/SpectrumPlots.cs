using ScottPlot;

namespace ScoreScope.Experiments.Plotting;

/// <summary>
/// PNG plots of score-Jacobian spectra over time (docs/science/spectral-gaps.md): a heat map of the sorted normalised spectrum, the
/// spectrum curves with theory overlays, gap widths with theory, and m̂ vs t. Plain arrays only (STYLE B12); time axes
/// are log₁₀ of σ² = b²/a², the squared noise-to-signal ratio (the paper's time).
/// </summary>
public static class SpectrumPlots
{
    /// <summary>One named curve over the time axis.</summary>
    /// <param name="Label">Legend text (null: no legend entry).</param>
    /// <param name="Times">The values of σ² = b²/a².</param>
    /// <param name="Values">The values.</param>
    /// <param name="Dashed">Dashed line (theory) rather than markers (measurement).</param>
    public sealed record Curve(string? Label, double[] Times, double[] Values, bool Dashed);

    /// <summary>A heat map of spectra [T][D] (colour = ν) over log₁₀ t and the sorted position.</summary>
    public static void Heatmap(string path, double[] times, IReadOnlyList<double[]> spectra, string title)
    {
        int t = times.Length, d = spectra[0].Length;
        var data = new double[d, t];
        for (int i = 0; i < t; i++)
        {
            for (int k = 0; k < d; k++) data[d - 1 - k, i] = spectra[i][k];
        }
        var plot = new Plot();
        var map = plot.Add.Heatmap(data);
        map.Colormap = new ScottPlot.Colormaps.Viridis();
        map.Extent = new CoordinateRect(Math.Log10(times[0]), Math.Log10(times[^1]), 0, d);
        plot.Add.ColorBar(map).Label = "normalised eigenvalue ν (singular values as −s)";
        plot.Title(title);
        plot.XLabel("log₁₀ σ² (σ² = b²/a²)");
        plot.YLabel("sorted position (ascending ν)");
        PlotFile.Save(plot, path, 900, 600);
    }

    /// <summary>Curves over log₁₀ t (measured as markers or thin lines, theory dashed).</summary>
    public static void Curves(string path, IReadOnlyList<Curve> curves, string title, string yLabel, double? reference = null)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        int colour = 0;
        foreach (var curve in curves)
        {
            var xs = curve.Times.Select(Math.Log10).ToArray();
            var line = plot.Add.ScatterLine(xs, curve.Values);
            line.Color = curve.Label is null ? Colors.Gray.WithAlpha(0.4) : palette.GetColor(colour++);
            line.LineWidth = curve.Label is null ? 1 : 2;
            if (curve.Dashed) line.LinePattern = LinePattern.Dashed;
            else if (curve.Label is not null) line.MarkerSize = 5;
            if (curve.Label is not null) line.LegendText = curve.Label;
        }
        if (reference is double r) plot.Add.HorizontalLine(r).Color = Colors.Black.WithAlpha(0.5);
        plot.Title(title);
        plot.XLabel("log₁₀ σ² (σ² = b²/a²)");
        plot.YLabel(yLabel);
        plot.ShowLegend(Alignment.UpperRight);
        PlotFile.Save(plot, path, 900, 600);
    }
}
