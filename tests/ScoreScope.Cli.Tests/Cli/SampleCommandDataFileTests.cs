using System.Text.Json.Nodes;
using ScoreScope.Cli.Errors;
using ScoreScope.IO;
using ScoreScope.Tests.Infrastructure;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Cli;

/// <summary>
/// <c>--data PATH</c>: an n × d .npy or .csv file is sampled as its empirical distribution (exact score = the optimal
/// denoiser); unreadable files are one-line errors naming the file.
/// </summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class SampleCommandDataFileTests : IDisposable
{
    readonly CliHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    string WritePoints()
    {
        // 64 points on a 3-D helix.
        var t = Enumerable.Range(0, 64).Select(i => i * 0.2).ToArray();
        var points = t.SelectMany(u => new[] { Math.Cos(u), Math.Sin(u), 0.1 * u }).ToArray();
        string path = _harness.PathOf("helix.npy");
        NpyFile.Write(path, points, [64, 3]);
        return path;
    }

    [Fact]
    public void Npy_data_file_is_sampled_as_its_empirical_distribution()
    {
        string data = WritePoints();
        string output = _harness.PathOf("run");

        var result = CliHarness.Run("sample", "--data", data, "--n", "300", "--steps", "16", "--seed", "5", "--out", output);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        using var samples = NpyFile.Read(Path.Combine(output, "samples.npy"));
        Assert.Equal([300L, 3L], samples.shape);
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "config.json")))!;
        Assert.Equal(data, config["options"]!["data"]!.GetValue<string>());
        Assert.Equal(64, config["resolved"]!["data-sha256"]!.GetValue<string>().Length);
        Assert.True(File.Exists(Path.Combine(output, "samples.png")));
    }

    [Fact]
    public void Csv_data_file_gives_the_same_samples_as_the_same_points_in_npy()
    {
        string npy = WritePoints();
        using var points = NpyFile.Read(npy);
        var rows = Enumerable.Range(0, 64).Select(i =>
            string.Join(",", Enumerable.Range(0, 3).Select(j => points[i, j].item<double>().ToString("R", System.Globalization.CultureInfo.InvariantCulture))));
        string csv = _harness.PathOf("helix.csv");
        File.WriteAllLines(csv, rows);

        CliHarness.Run("sample", "--data", npy, "--n", "200", "--steps", "8", "--seed", "5", "--out", _harness.PathOf("a"));
        var result = CliHarness.Run("sample", "--data", csv, "--n", "200", "--steps", "8", "--seed", "5", "--out", _harness.PathOf("b"));

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(File.ReadAllBytes(_harness.PathOf("a", "samples.npy")), File.ReadAllBytes(_harness.PathOf("b", "samples.npy")));
    }

    [Fact]
    public void Ragged_csv_is_one_line_naming_file_and_line()
    {
        string csv = _harness.PathOf("ragged.csv");
        File.WriteAllText(csv, "1,2\n3,4\n5\n");

        var result = CliHarness.Run("sample", "--data", csv, "--out", _harness.PathOf("run"));

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.Contains("--data", result.Error);
        Assert.Contains("ragged.csv", result.Error);
        Assert.Contains("3", result.Error);
        Assert.False(Directory.Exists(_harness.PathOf("run")));
    }
}
