using System.Globalization;
using ScoreScope.Cli.Errors;
using ScoreScope.Tests.Infrastructure;

namespace ScoreScope.Tests.Cli;

/// <summary>
/// Issue 12: <c>spectra --model</c> on any 2-D model failed with "'2' cannot be greater than 1" (the manifold dimension
/// placing the gaps was clamped to [2, D − 1], empty for D = 2). For D = 2 the manifold gap sits at d = 1 and the
/// tangent gap (which needs two tangent values) is left empty.
/// </summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class SpectraTwoDimensionalModelTests : IDisposable
{
    readonly CliHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Spectra_of_a_gmm8_model_write_spectra_with_the_manifold_gap_and_no_tangent_gap()
    {
        string model = _harness.PathOf("m");
        TrainCliRuns.Train(model);
        string output = _harness.PathOf("spectra");

        var result = CliHarness.Run("spectra", "--model", model, "--points", "4", "--times", "0.01,0.1,1", "--seed", "3", "--out", output);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal("", result.Error);
        foreach (var f in new[] { "config.json", "spectra.npy", "spectra-spread.npy", "spectra.csv", "heatmap.png", "dimension-vs-t.png", "gap-widths.png" })
        {
            Assert.True(File.Exists(Path.Combine(output, f)), $"missing {f}\n{result}");
        }
        var rows = File.ReadAllLines(Path.Combine(output, "spectra.csv"));
        Assert.Equal("process_time,sigma_squared,m_hat,m_hat_sd,manifold_gap,tangent_gap,tangent_gap_count_below", rows[0]);
        Assert.Equal(4, rows.Length);
        foreach (var row in rows.Skip(1))
        {
            var fields = row.Split(',');
            double dimension = double.Parse(fields[2], CultureInfo.InvariantCulture);
            double manifoldGap = double.Parse(fields[4], CultureInfo.InvariantCulture);
            Assert.True(dimension is >= 0 and <= 2, row);
            Assert.True(double.IsFinite(manifoldGap) && manifoldGap >= 0, row);
            Assert.Equal("", fields[5]);
            Assert.Equal("", fields[6]);
        }
    }
}
