using System.Globalization;
using ScoreScope.Cli.Errors;
using ScoreScope.IO;
using ScoreScope.Tests.Infrastructure;

namespace ScoreScope.Tests.Cli;

/// <summary><c>scorescope cumulants --in FILE</c>: the cumulant table of a data file, and one-line errors for bad input.</summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class CumulantsCommandTests : IDisposable
{
    const int Rows = 4096;
    readonly CliHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    /// <summary>Rows (b, 2b) with b = 0, 1, 0, 1, …: a perfectly balanced Bernoulli(½) sample and its double.</summary>
    string WriteBernoulli(string name = "bernoulli.npy")
    {
        var values = Enumerable.Range(0, Rows).SelectMany(i => new[] { (double)(i % 2), 2.0 * (i % 2) }).ToArray();
        string path = _harness.PathOf(name);
        NpyFile.Write(path, values, [Rows, 2]);
        return path;
    }

    static Dictionary<(string, int), double[]> ReadCsv(string path) =>
        File.ReadLines(path).Skip(1).Select(l => l.Split(',')).ToDictionary(
            f => (f[0], int.Parse(f[1], CultureInfo.InvariantCulture)),
            f => f.Skip(2).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray());

    [Fact]
    public void Coordinate_cumulants_of_a_balanced_bernoulli_sample_are_the_exact_bernoulli_cumulants()
    {
        // For a sample with exactly half 0s and half 1s the 1/n central moments are the population ones, so the
        // sample cumulants are exact: Bernoulli(½) has κ1..κ8 = ½, ¼, 0, −⅛, 0, ¼, 0, −17/16; coordinate 1 is 2b,
        // so κ_n scales by 2ⁿ. k2 = n·¼/(n − 1) (unbiased variance).
        string output = _harness.PathOf("run");
        var result = CliHarness.Run("cumulants", "--in", WriteBernoulli(), "--observable", "coord:1", "--out", output);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("κ4", result.Output, StringComparison.Ordinal);
        var table = ReadCsv(Path.Combine(output, "cumulants.csv"));
        double[] bernoulli = [0.5, 0.25, 0, -0.125, 0, 0.25, 0, -17.0 / 16];
        for (int n = 1; n <= 8; n++)
            Assert.True(Math.Abs(table[("kappa", n)][0] - Math.Pow(2, n) * bernoulli[n - 1]) < 1e-10 * Math.Pow(2, n),
                $"κ{n} = {table[("kappa", n)][0]} vs {Math.Pow(2, n) * bernoulli[n - 1]}");
        Assert.Equal(4 * Rows * 0.25 / (Rows - 1), table[("k", 2)][0], 12);
        Assert.True(table[("kappa", 2)][1] >= 0 && table[("kappa", 2)][2] >= 0, "both standard errors are reported");
        Assert.Contains("\"observable\": \"coord:1\"", File.ReadAllText(Path.Combine(output, "config.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_file_and_an_explicit_block_size_give_the_site_cumulants_with_that_blocking()
    {
        // Site cumulants pool both columns: the values {0, 0, 1, 2} in equal shares (mean ¾, variance 11/16).
        string csv = _harness.PathOf("bernoulli.csv");
        File.WriteAllLines(csv, Enumerable.Range(0, Rows).Select(i => $"{i % 2},{2 * (i % 2)}"));
        string output = _harness.PathOf("run");
        var result = CliHarness.Run("cumulants", "--in", csv, "--order", "4", "--block-size", "256", "--out", output);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var table = ReadCsv(Path.Combine(output, "cumulants.csv"));
        Assert.Equal(0.75, table[("kappa", 1)][0], 12);
        Assert.Equal(11.0 / 16, table[("kappa", 2)][0], 12);
        Assert.False(table.ContainsKey(("kappa", 5)));
        Assert.Contains("\"block-size\": \"256\"", File.ReadAllText(Path.Combine(output, "config.json")), StringComparison.Ordinal);
        Assert.Contains("\"blocks\": \"16\"", File.ReadAllText(Path.Combine(output, "config.json")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing.npy", "site", "8", "--in")]
    [InlineData("data.txt", "site", "8", "--in")]
    [InlineData("bernoulli.npy", "magnetisation", "8", "--observable")]
    [InlineData("bernoulli.npy", "coord:2", "8", "--observable")]
    [InlineData("bernoulli.npy", "site", "9", "--order")]
    public void Bad_input_is_a_one_line_error_with_exit_code_2_and_writes_nothing(string file, string observable, string order, string flag)
    {
        WriteBernoulli();
        File.WriteAllText(_harness.PathOf("data.txt"), "1,2\n");
        string output = _harness.PathOf("run");
        var result = CliHarness.Run("cumulants", "--in", _harness.PathOf(file), "--observable", observable, "--order", order, "--out", output);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains(flag, result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }
}
