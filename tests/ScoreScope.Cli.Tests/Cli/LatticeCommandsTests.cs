using System.Globalization;
using ScoreScope.Cli.Errors;
using ScoreScope.IO;
using ScoreScope.Tests.Infrastructure;

namespace ScoreScope.Tests.Cli;

/// <summary><c>scorescope hmc</c> and <c>scorescope lattice</c>: run folders, reproducibility, and one-line errors for bad input.</summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class LatticeCommandsTests : IDisposable
{
    readonly CliHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    static Dictionary<(string, string), double[]> ReadObservables(string path) =>
        File.ReadLines(path).Skip(1).Select(l => l.Split(',')).ToDictionary(
            f => (f[0], f[1]), f => f.Skip(2).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray());

    static string[] SmallHmc(string output, string seed = "5") =>
        ["hmc", "--size", "6", "--kappa", "0.2", "--lambda", "0.02", "--chains", "4", "--configurations", "8",
         "--thermalisation", "10", "--thinning", "2", "--seed", seed, "--out", output];

    [Fact]
    public void Hmc_writes_fields_and_observables_that_the_lattice_command_reproduces()
    {
        string run = _harness.PathOf("hmc");
        var result = CliHarness.Run(SmallHmc(run));
        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        foreach (string file in new[] { "fields.npy", "config.json", "observables.csv", "metrics.json" })
            Assert.True(File.Exists(Path.Combine(run, file)), $"{file} missing");
        Assert.Equal([32, 6, 6], NpyFile.ReadHeader(Path.Combine(run, "fields.npy")).Shape);
        string config = File.ReadAllText(Path.Combine(run, "config.json"));
        Assert.Contains("\"seed\": 5", config, StringComparison.Ordinal);
        Assert.Contains("\"integrator\": \"leapfrog\"", config, StringComparison.Ordinal);

        // Same seed ⇒ the same fields bit for bit.
        string again = _harness.PathOf("hmc-again");
        Assert.Equal(ExitCodes.Success, CliHarness.Run(SmallHmc(again)).ExitCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(run, "fields.npy")), File.ReadAllBytes(Path.Combine(again, "fields.npy")));

        // The lattice command on the written fields (4 chains, same couplings) gives the same table.
        string measured = _harness.PathOf("measured");
        var lattice = CliHarness.Run("lattice", "--in", Path.Combine(run, "fields.npy"), "--chains", "4", "--kappa", "0.2", "--lambda", "0.02",
            "--normalise", "min-max", "--out", measured);
        Assert.True(lattice.ExitCode == ExitCodes.Success, lattice.ToString());
        var fromHmc = ReadObservables(Path.Combine(run, "observables.csv"));
        var fromFile = ReadObservables(Path.Combine(measured, "observables.csv"));
        foreach (var key in fromHmc.Keys) Assert.Equal(fromHmc[key], fromFile[key]);
        Assert.True(fromFile.ContainsKey(("min-max", "kappa4")), "the min–max table is written");
        Assert.Contains("min-max-minimum", File.ReadAllText(Path.Combine(measured, "config.json")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--size", "0", "--size")]
    [InlineData("--size", "-4", "--size")]
    [InlineData("--dimensions", "4", "--dimensions")]
    [InlineData("--integrator", "euler", "--integrator")]
    [InlineData("--dt", "0", "--dt")]
    [InlineData("--chains", "0", "--chains")]
    public void Bad_hmc_options_are_one_line_errors_with_exit_code_2_and_write_nothing(string option, string value, string named)
    {
        string output = _harness.PathOf("run");
        var result = CliHarness.Run("hmc", option, value, "--chains", option == "--chains" ? value : "2", "--configurations", "2", "--out", output);
        AssertUsageError(result, named, output);
    }

    [Fact]
    public void Hmc_rejects_an_unstable_free_field()
    {
        string output = _harness.PathOf("run");
        var result = CliHarness.Run("hmc", "--kappa", "0.25", "--lambda", "0", "--out", output);
        AssertUsageError(result, "--kappa", output);
        Assert.Contains("1/(2D) = 0.25", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nan")]
    [InlineData("shape")]
    [InlineData("rank")]
    [InlineData("missing")]
    [InlineData("chains")]
    public void Bad_field_files_are_one_line_errors_with_exit_code_2_and_write_nothing(string kind)
    {
        string file = _harness.PathOf("fields.npy");
        var values = Enumerable.Range(0, 4 * 6 * 6).Select(i => Math.Sin(i)).ToArray();
        if (kind == "nan") values[40] = double.NaN;
        long[] shape = kind switch { "shape" => [4, 4, 9], "rank" => [4 * 6 * 6], _ => [4, 6, 6] };
        if (kind != "missing") NpyFile.Write(file, values, shape);
        string output = _harness.PathOf("run");
        var result = CliHarness.Run("lattice", "--in", file, "--chains", kind == "chains" ? "3" : "1", "--out", output);
        AssertUsageError(result, kind == "chains" ? "--chains" : "--in", output);
        if (kind == "nan") Assert.Contains("configuration 1, site 4", result.Error, StringComparison.Ordinal);
    }

    void AssertUsageError(CliResult result, string named, string output)
    {
        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains(named, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
        Assert.DoesNotContain(_harness.Entries(), e => e.Contains("partial", StringComparison.Ordinal));
    }
}
