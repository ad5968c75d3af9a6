using System.Globalization;
using ScoreScope.IO;
using ScoreScope.Sampling;
using static TorchSharp.torch;
using ScoreScope.Tests.Infrastructure;

namespace ScoreScope.Tests.Cli;

/// <summary>
/// <c>sample --from x.npy --t-start t</c>: starting from a normal run's own prior draws at t = T reproduces that run bit
/// for bit (deterministic and stochastic samplers); starting from noised data at t &lt; T runs the grid from t; bad
/// input is one line with exit code 2.
/// </summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class SampleFromTests : IDisposable
{
    readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>The prior draws of a sample run with <paramref name="seed"/> (one batch, VP: prior sd 1).</summary>
    string PriorDraws(ulong seed, int count)
    {
        string path = _cli.PathOf($"prior-{seed}.npy");
        using var scope = NewDisposeScope();
        var noise = new NoiseStream(seed, 0, [count, 2]);
        NpyFile.Write(path, noise.Next().to_type(ScalarType.Float64));
        return path;
    }

    [Theory]
    [InlineData("heun")]
    [InlineData("euler-maruyama")]
    public void Starting_from_a_runs_own_prior_draws_at_T_reproduces_it(string sampler)
    {
        string prior = PriorDraws(11, 300);
        string[] common = ["sample", "--data", "gmm8", "--sampler", sampler, "--steps", "16", "--seed", "11", "--dtype", "float64"];
        var normal = CliHarness.Run([.. common, "--n", "300", "--out", _cli.PathOf("normal")]);
        Assert.True(normal.ExitCode == 0, normal.ToString());
        var from = CliHarness.Run([.. common, "--from", prior, "--t-start", "1", "--out", _cli.PathOf("from")]);
        Assert.True(from.ExitCode == 0, from.ToString());
        Assert.Equal(File.ReadAllBytes(_cli.PathOf("normal", "samples.npy")), File.ReadAllBytes(_cli.PathOf("from", "samples.npy")));
        string config = File.ReadAllText(_cli.PathOf("from", "config.json"));
        Assert.Contains("from-sha256", config, StringComparison.Ordinal);
    }

    [Fact]
    public void Starting_from_noised_data_runs_the_grid_from_t_start()
    {
        string path = _cli.PathOf("noised.csv");
        var random = new Random(4);
        File.WriteAllLines(path, Enumerable.Range(0, 64).Select(_ => string.Create(CultureInfo.InvariantCulture, $"{4 + 0.3 * (random.NextDouble() - 0.5)},{0.3 * (random.NextDouble() - 0.5)}")));
        var result = CliHarness.Run("sample", "--data", "gmm8", "--from", path, "--t-start", "0.3", "--steps", "8", "--seed", "2", "--out", _cli.PathOf("run"));
        Assert.True(result.ExitCode == 0, result.ToString());
        string config = File.ReadAllText(_cli.PathOf("run", "config.json"));
        Assert.Contains("8 steps from t = 0.3 to t = 0.001", config, StringComparison.Ordinal);
        using var scope = NewDisposeScope();
        var samples = NpyFile.Read(_cli.PathOf("run", "samples.npy"));
        Assert.Equal([64L, 2], samples.shape);
    }

    [Theory]
    [InlineData(new[] { "--t-start", "0.5" }, "--t-start needs --from")]
    [InlineData(new[] { "--from", "F", "--t-start", "0.0005" }, "--t-start must be in (--t-min, 1]")]
    [InlineData(new[] { "--from", "F", "--t-start", "1.5" }, "--t-start must be in (--t-min, 1]")]
    [InlineData(new[] { "--from", "F", "--n", "7" }, "--n 7 differs from the 5 rows of --from")]
    [InlineData(new[] { "--from", "MISSING" }, "--from")]
    [InlineData(new[] { "--from", "WIDE" }, "do not match the data's event shape [2]")]
    [InlineData(new[] { "--from", "NAN" }, "line 1, column 2: 'NaN' is not finite")]
    public void Bad_input_is_one_line_exit_2_and_nothing_written(string[] args, string expected)
    {
        string good = _cli.PathOf("good.csv"), wide = _cli.PathOf("wide.csv"), nan = _cli.PathOf("nan.csv");
        File.WriteAllLines(good, Enumerable.Repeat("0.5,0.25", 5));
        File.WriteAllLines(wide, Enumerable.Repeat("0.5,0.25,1", 5));
        File.WriteAllLines(nan, ["0.5,NaN", "1,2"]);
        var resolved = args.Select(a => a switch { "F" => good, "WIDE" => wide, "NAN" => nan, "MISSING" => _cli.PathOf("missing.csv"), _ => a }).ToArray();
        var result = CliHarness.Run(["sample", "--data", "gmm8", "--steps", "4", .. resolved, "--out", _cli.PathOf("out")]);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(_cli.PathOf("out")));
    }
}
