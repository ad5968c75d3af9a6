using ScoreScope.Experiments.Plotting;

namespace ScoreScope.Experiments.Tests;

/// <summary>Issue 13, deliverable 2: every figure as PNG and SVG — single plots and multi-panel grids alike.</summary>
public sealed class PlotFileTests : IDisposable
{
    readonly string _folder = Directory.CreateTempSubdirectory("scorescope-plotfile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_multi_panel_cumulant_grid_is_written_as_png_and_as_svg_with_every_panel()
    {
        double[] t = [0.1, 0.5, 1.0];
        var series = new[] { 2, 4 }.Select(n => new CumulantTrackPlot.Series(n, t, [1.0 * n, 0.9 * n, 0.8 * n], [0.1, 0.1, 0.1], [1.0 * n, 0.9 * n, 0.8 * n])).ToArray();
        string path = Path.Combine(_folder, "toy-tracks.png");

        CumulantTrackPlot.WriteTracks(path, series, "panel");

        byte[] png = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        string svg = File.ReadAllText(Path.ChangeExtension(path, ".svg"));
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.EndsWith("</svg>", svg.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("panel: κ2(t)", svg, StringComparison.Ordinal);
        Assert.Contains("panel: κ4(t)", svg, StringComparison.Ordinal);
    }
}
