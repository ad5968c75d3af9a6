using ScottPlot;

namespace ScoreScope.Experiments.Plotting;

/// <summary>
/// Standardised cumulants κ_n / κ_2^{n/2} against the order n (n ≥ 3) with ±1 standard-error bars, over the Gaussian
/// reference 0 (every connected n-point function of order ≥ 3 vanishes for Gaussian data). Takes plain arrays only.
/// </summary>
public static class StandardisedCumulantPlot
{
    /// <summary>
    /// Writes the plot to <paramref name="path"/> (PNG and SVG via <see cref="PlotFile.Save(Plot, string, int, int)"/>). The error bar of order n
    /// is SE(κ_n)/κ_2^{n/2}: the uncertainty of κ_2 is not propagated (it is of relative size SE(κ_2)/κ_2, shown in the title).
    /// </summary>
    /// <param name="path">The .png file to create.</param>
    /// <param name="kappa">κ_1 … κ_N (index n − 1).</param>
    /// <param name="standardErrors">Their standard errors.</param>
    /// <param name="title">Plot title.</param>
    public static void Write(string path, IReadOnlyList<double> kappa, IReadOnlyList<double> standardErrors, string title)
    {
        ArgumentNullException.ThrowIfNull(kappa);
        ArgumentNullException.ThrowIfNull(standardErrors);
        if (kappa.Count != standardErrors.Count)
            throw new ArgumentException($"{kappa.Count} cumulants but {standardErrors.Count} standard errors", nameof(standardErrors));
        if (kappa.Count < 3) throw new ArgumentException($"orders up to at least 3 are needed (got {kappa.Count})", nameof(kappa));
        double variance = kappa[1];
        var orders = Enumerable.Range(3, kappa.Count - 2).Where(n => double.IsFinite(kappa[n - 1]) && double.IsFinite(standardErrors[n - 1])).ToArray();
        double[] x = orders.Select(n => (double)n).ToArray();
        double[] y = orders.Select(n => kappa[n - 1] / Math.Pow(variance, n / 2.0)).ToArray();
        double[] e = orders.Select(n => standardErrors[n - 1] / Math.Pow(variance, n / 2.0)).ToArray();
        var plot = new Plot();
        var zero = plot.Add.HorizontalLine(0);
        zero.LegendText = "Gaussian: 0";
        zero.LinePattern = LinePattern.Dashed;
        var bars = plot.Add.ErrorBar(x, y, e);
        bars.LegendText = "±1 SE";
        var points = plot.Add.ScatterPoints(x, y);
        points.LegendText = "κ_n / κ_2^{n/2}";
        points.MarkerSize = 7;
        plot.Title(title);
        plot.XLabel("order n");
        plot.YLabel("standardised cumulant κ_n / κ_2^{n/2}");
        plot.ShowLegend(Alignment.UpperLeft);
        PlotFile.Save(plot, path, 900, 600);
    }
}
