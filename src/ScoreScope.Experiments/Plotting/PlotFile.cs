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

    /// <summary>
    /// Saves a multi-panel <paramref name="multiplot"/> as <paramref name="pngPath"/> and as the same path with the
    /// extension <c>.svg</c> (rendered onto Skia's SVG canvas, as <see cref="Plot.SaveSvg"/> does for one panel).
    /// </summary>
    public static void Save(Multiplot multiplot, string pngPath, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(multiplot);
        ArgumentNullException.ThrowIfNull(pngPath);
        multiplot.SavePng(pngPath, width, height);
        using var stream = File.Create(Path.ChangeExtension(pngPath, ".svg"));
        using (var canvas = SkiaSharp.SKSvgCanvas.Create(new SkiaSharp.SKRect(0, 0, width, height), stream))
        {
            multiplot.Render(canvas, new PixelRect(0, width, height, 0));
        }
        stream.Flush();
    }
}
