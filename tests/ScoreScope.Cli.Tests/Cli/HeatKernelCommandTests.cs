using System.Globalization;
using ScoreScope.Cli.Errors;
using ScoreScope.IO;
using ScoreScope.Semigroups;
using ScoreScope.Tests.Infrastructure;

namespace ScoreScope.Tests.Cli;

/// <summary><c>scorescope heat-kernel</c>: kernel and score tables, and one-line errors for bad input.</summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class HeatKernelCommandTests : IDisposable
{
    readonly CliHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    static double[][] Rows(string csv) => csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
        .Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();

    [Fact]
    public void Sphere_kernel_table_is_the_library_kernel()
    {
        var result = CliHarness.Run("heat-kernel", "--manifold", "sphere", "--time", "0.01", "--grid", "11");
        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var rows = Rows(result.Output);
        Assert.Equal(11, rows.Length);
        foreach (var r in rows) Assert.Equal(SphereHeatKernel.Evaluate(0.01, r[0]).Value, r[1]);
    }

    [Fact]
    public void Circle_score_table_matches_the_kernel_smoothing_score_and_is_written_to_out()
    {
        string data = _harness.PathOf("circle.csv");
        File.WriteAllText(data, "1.0\n1.3\n1.7\n2.2\n4.0\n4.4\n5.1\n");
        string output = _harness.PathOf("score.csv");
        var result = CliHarness.Run("heat-kernel", "--manifold", "circle", "--quantity", "score", "--data", data, "--time", "0.3", "--grid", "64", "--out", output);
        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var rows = Rows(File.ReadAllText(output));
        Assert.Equal(64, rows.Length);
        var smoother = new TorusKernelSmoothingScore(new[] { 1.0, 1.3, 1.7, 2.2, 4.0, 4.4, 5.1 }.Select(x => new[] { x }).ToArray());
        foreach (var r in rows) Assert.Equal(smoother.Score(0.3, r[0]), r[1], 12);
    }

    [Fact]
    public void Sphere_score_of_unit_data_runs()
    {
        string data = _harness.PathOf("s2.npy");
        NpyFile.Write(data, new double[] { 0, 0, 1, 1, 0, 0 }, [2, 3]);
        var result = CliHarness.Run("heat-kernel", "--quantity", "score", "--data", data, "--time", "0.05", "--grid", "5");
        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(2 + 3 * 5, Rows(result.Output).Length);
    }

    [Theory]
    [InlineData("--time", "0", "--time must be > 0")]
    [InlineData("--time", "-1", "--time must be > 0")]
    [InlineData("--center", "0,0,1.01", "--center must lie on the unit sphere")]
    [InlineData("--grid", "1", "--grid must be an integer in [2, 100000]")]
    [InlineData("--manifold", "cube", "--manifold must be one of")]
    public void Bad_input_is_one_line_and_exit_code_2(string option, string value, string message)
    {
        var result = CliHarness.Run("heat-kernel", option, value);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("", result.Output);
    }

    [Fact]
    public void Basis_size_below_one_is_one_line_and_exit_code_2()
    {
        string data = _harness.PathOf("circle.csv");
        File.WriteAllText(data, "1.0\n2.0\n");
        var result = CliHarness.Run("heat-kernel", "--manifold", "circle", "--quantity", "score", "--method", "oism", "--basis-size", "0", "--data", data);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--basis-size must be an integer ≥ 1 (got 0)", result.Error);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Data_off_the_sphere_is_one_line_naming_the_row()
    {
        string data = _harness.PathOf("off.csv");
        File.WriteAllText(data, "0,0,1\n0,0,1.00001\n");
        string output = _harness.PathOf("never.csv");
        var result = CliHarness.Run("heat-kernel", "--quantity", "score", "--data", data, "--out", output);
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("row 2 is off the unit sphere", result.Error);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(output));
    }
}
