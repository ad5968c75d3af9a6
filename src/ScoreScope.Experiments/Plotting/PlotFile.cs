using ScottPlot;

namespace ScoreScope.Experiments.Plotting;

/// <summary>
/// Writes a figure twice: a PNG for quick viewing and an SVG beside it (same name, <c>.svg</c>) for papers and reports,
/// where it scales without loss (issue 13: PNG and SVG everywhere).
/// </summary>
public static class PlotFile
{
    /// <summary>Saves <paramref name="plot"/> as <paramref name="pngPath"/> and as the same path with the extension <c>.svg</c>.</summary>
    public static void Save(Plot plot, string pngPath, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(plot);
        ArgumentNullException.ThrowIfNull(pngPath);
        plot.SavePng(pngPath, width, height);
        plot.SaveSvg(Path.ChangeExtension(pngPath, ".svg"), width, height);
    }
}
