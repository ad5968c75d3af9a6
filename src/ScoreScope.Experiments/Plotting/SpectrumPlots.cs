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

    /// <summary>
    /// The spectrum-versus-theory figure at one time (Ventura et al., arXiv 2410.05898, §6, Figs. 4–5): the normalised
    /// histogram (area 1 over all D eigenvalues) of the exact — and, when given, the trained — normalised eigenvalues
    /// ν of σ²J, the limiting tangent density ρ(ν) = c·f(λ(ν))·σ²/ν² of the generalised Marchenko–Pastur law drawn over
    /// it, and the predicted gaps (between the ν = −1 spike of mass 1 − c and the tangent bulks, and between bulks)
    /// shaded. The spike's bar is clipped; its mass is in the legend.
    /// </summary>
    /// <param name="path">The .png file (an .svg is written beside it).</param>
    /// <param name="sigmaSquared">σ² = b²/a² of this panel.</param>
    /// <param name="exact">The D exact normalised eigenvalues at σ².</param>
    /// <param name="trained">The D trained normalised eigenvalues (averaged sorted spectra) at the nearest trained time, or null.</param>
    /// <param name="trainedSigmaSquared">σ² of <paramref name="trained"/>.</param>
    /// <param name="bulks">The predicted tangent bulks in ν, ascending.</param>
    /// <param name="density">ρ(ν), the predicted tangent density (mass c).</param>
    /// <param name="spikeMass">1 − c, the mass at ν = −1.</param>
    /// <param name="title">Plot title.</param>
    public static void TheoryOverlay(string path, double sigmaSquared, double[] exact, double[]? trained, double trainedSigmaSquared,
        IReadOnlyList<ScoreScope.Spectra.SpectralInterval> bulks, Func<double, double> density, double spikeMass, string title)
    {
        ArgumentNullException.ThrowIfNull(exact);
        ArgumentNullException.ThrowIfNull(bulks);
        ArgumentNullException.ThrowIfNull(density);
        const int bins = 50;
        double width = 1.0 / bins;
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        double yMax = 0;

        // Predicted gaps: from the spike at −1 to the first bulk, then between consecutive bulks.
        double left = -1;
        foreach (var bulk in bulks)
        {
            if (bulk.Lower > left)
            {
                var span = plot.Add.HorizontalSpan(left, bulk.Lower);
                span.FillStyle.Color = Colors.Green.WithAlpha(0.12);
                span.LineStyle.Width = 0;
                if (left == -1) span.LegendText = "predicted gap";
            }
            left = Math.Max(left, bulk.Upper);
        }

        double[] Histogram(double[] values)
        {
            var counts = new double[bins + 1]; // bin 0 centred on −1 holds the spike
            foreach (double v in values)
            {
                if (!double.IsFinite(v)) continue;
                int i = (int)Math.Round((v + 1) / width);
                counts[Math.Clamp(i, 0, bins)] += 1;
            }
            return counts.Select(c => c / (values.Length * width)).ToArray();
        }
        double[] centres = Enumerable.Range(0, bins + 1).Select(i => -1 + i * width).ToArray();
        void AddHistogram(double[] values, string label, Color colour)
        {
            double[] heights = Histogram(values);
            yMax = Math.Max(yMax, heights.Skip(1).DefaultIfEmpty(0).Max());
            var bars = plot.Add.Bars(centres, heights);
            foreach (var bar in bars.Bars)
            {
                bar.Size = width * 0.9;
                bar.FillColor = colour.WithAlpha(0.45);
                bar.LineWidth = 0;
            }
            bars.LegendText = label;
        }
        AddHistogram(exact, "exact eigenvalues", palette.GetColor(0));
        if (trained is not null)
            AddHistogram(trained, $"trained eigenvalues (σ² = {trainedSigmaSquared.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)})", palette.GetColor(1));

        bool labelled = false;
        foreach (var bulk in bulks)
        {
            var xs = Enumerable.Range(1, 399).Select(i => bulk.Lower + (bulk.Upper - bulk.Lower) * i / 400.0).ToArray();
            var ys = xs.Select(density).ToArray();
            yMax = Math.Max(yMax, ys.Where(double.IsFinite).DefaultIfEmpty(0).Max());
            var line = plot.Add.ScatterLine(xs, ys);
            line.Color = Colors.Black;
            line.LineWidth = 2;
            if (!labelled) line.LegendText = "generalised MP density ρ(ν)";
            labelled = true;
        }
        var spike = plot.Add.VerticalLine(-1);
        spike.Color = Colors.Black;
        spike.LinePattern = LinePattern.Dashed;
        spike.LegendText = $"spike at ν = −1, mass 1 − c = {spikeMass.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)}";
        plot.Axes.SetLimits(-1.06, 0.02, 0, Math.Max(yMax, 1e-9) * 1.35);
        plot.Title(title);
        plot.XLabel("normalised eigenvalue ν of σ²J");
        plot.YLabel("density (area 1 over all D eigenvalues)");
        plot.ShowLegend(Alignment.UpperLeft);
        PlotFile.Save(plot, path, 900, 600);
    }
}
