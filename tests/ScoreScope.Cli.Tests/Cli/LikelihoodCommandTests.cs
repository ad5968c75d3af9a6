using System.Globalization;
using System.Text.Json.Nodes;
using ScoreScope.Cli.Tables;
using ScoreScope.IO;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using static TorchSharp.torch;
using ScoreScope.Tests.Infrastructure;

namespace ScoreScope.Tests.Cli;

/// <summary>
/// <c>scorescope likelihood</c>: the exact score's log p_{t_min} equals the closed form written beside it; Hutchinson
/// writes a standard error per point; a trained model's likelihood runs; bad input is one line, exit 2, nothing written.
/// </summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class LikelihoodCommandTests : IDisposable
{
    readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    string Points(int count, int dimension, int seed)
    {
        var random = new Random(seed);
        string path = _cli.PathOf($"points-{seed}-{dimension}.csv");
        File.WriteAllLines(path, Enumerable.Range(0, count).Select(_ => string.Join(',',
            Enumerable.Range(0, dimension).Select(_ => (3 * (random.NextDouble() - 0.5)).ToString("R", CultureInfo.InvariantCulture)))));
        return path;
    }

    static JsonObject Metrics(string folder) => JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "metrics.json")))!.AsObject();

    [Fact]
    public void Exact_score_of_gaussian10_matches_its_closed_form_density_at_t_min()
    {
        string points = Points(50, 10, 1);
        var result = CliHarness.Run("likelihood", "--data", "gaussian10", "--process", "vp", "--in", points, "--terminal", "exact",
            "--rtol", "1e-7", "--atol", "1e-7", "--out", _cli.PathOf("run"));
        Assert.True(result.ExitCode == 0, result.ToString());
        using var scope = NewDisposeScope();
        var logLikelihood = NpyFile.Read(_cli.PathOf("run", "log_likelihood.npy"));
        Assert.Equal([50L], logLikelihood.shape);
        var data = BuiltInDatasets.Gaussian10();
        var process = new ProcessSettings("vp").Build();
        var x = DataFile.LoadPoints(points).to_type(ScalarType.Float64);
        var expected = data.LogDensity(x, process.A(1e-3), process.B(1e-3));
        double error = (logLikelihood - expected).abs().max().item<double>();
        Assert.True(error < 1e-4, $"max |log p̂ − log p| = {error:E3} nats at rtol = atol = 1e-7");
        var metrics = Metrics(_cli.PathOf("run"));
        Assert.Equal(50, metrics["points"]!.GetValue<long>());
        Assert.True(metrics["function-evaluations"]!.GetValue<long>() > 0);
        Assert.Equal(error, metrics["abs-error-max"]!.GetValue<double>(), 12);
        Assert.False(File.Exists(_cli.PathOf("run", "log_likelihood_se.npy")));
        foreach (string file in new[] { "config.json", "metrics.csv", "exact_log_density.npy", "terminal.npy" })
            Assert.True(File.Exists(_cli.PathOf("run", file)), file);
        Assert.Contains("mean |error|", result.Output);
    }

    [Fact]
    public void Hutchinson_writes_a_standard_error_per_point_and_is_reproducible_from_the_seed()
    {
        string[] args = ["likelihood", "--data", "gmm8", "--n", "40", "--seed", "7", "--divergence", "hutchinson", "--probes", "6", "--probe", "gaussian"];
        var first = CliHarness.Run([.. args, "--out", _cli.PathOf("a")]);
        var second = CliHarness.Run([.. args, "--out", _cli.PathOf("b")]);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        using var scope = NewDisposeScope();
        var se = NpyFile.Read(_cli.PathOf("a", "log_likelihood_se.npy"));
        Assert.Equal([40L], se.shape);
        Assert.True(se.Greater(0.0).all().item<bool>(), "every per-point SE must be positive with 6 Gaussian probes");
        Assert.True(File.ReadAllBytes(_cli.PathOf("a", "log_likelihood.npy")).SequenceEqual(File.ReadAllBytes(_cli.PathOf("b", "log_likelihood.npy"))),
            "the same seed must give the same log-likelihoods");
        Assert.True(Metrics(_cli.PathOf("a"))["hutchinson-se-mean"]!.GetValue<double>() > 0);
    }

    [Fact]
    public void A_trained_model_has_a_finite_likelihood_on_its_data()
    {
        string run = _cli.PathOf("model");
        TrainCliRuns.Train(run);
        var result = CliHarness.Run("likelihood", "--model", run, "--n", "100", "--divergence", "hutchinson", "--out", _cli.PathOf("lik"));
        Assert.True(result.ExitCode == 0, result.ToString());
        var metrics = Metrics(_cli.PathOf("lik"));
        double mean = metrics["log-likelihood-mean"]!.GetValue<double>();
        // gmm8's entropy is log 8 + log(2πe·0.25) ≈ 3.45 nats: −E log p ≥ 3.45 for any model; a tiny model is worse, but finite.
        Assert.True(double.IsFinite(mean) && mean < -3.4, $"mean log-likelihood {mean}");
        Assert.True(Metrics(_cli.PathOf("lik")).ContainsKey("hutchinson-se-mean"));
        Assert.False(Metrics(_cli.PathOf("lik")).ContainsKey("abs-error-mean"), "a model has no closed form to compare with");
    }

    [Theory]
    [InlineData(new[] { "--rtol", "0" }, "--rtol must be finite and > 0 (got 0)")]
    [InlineData(new[] { "--atol", "-1e-5" }, "--atol must be finite and > 0 (got -1E-05)")]
    [InlineData(new[] { "--divergence", "hutchinson", "--probes", "0" }, "--probes must be ≥ 1 (got 0)")]
    [InlineData(new[] { "--probes", "4" }, "--probes applies to --divergence hutchinson only")]
    [InlineData(new[] { "--divergence", "trace" }, "--divergence: unknown value 'trace'; valid: exact, hutchinson")]
    [InlineData(new[] { "--divergence", "hutchinson", "--probe", "sphere" }, "--probe: unknown value 'sphere'; valid: rademacher, gaussian")]
    [InlineData(new[] { "--terminal", "exactly" }, "--terminal: unknown value 'exactly'; valid: prior, exact")]
    [InlineData(new[] { "--score", "model" }, "--score model needs --model")]
    [InlineData(new[] { "--score", "learned" }, "--score: unknown value 'learned'; valid: exact, model")]
    [InlineData(new[] { "--t-min", "1" }, "--t-min must lie in (0, T) = (0, 1) (got 1)")]
    [InlineData(new[] { "--n", "0" }, "--n must be ≥ 1 (got 0)")]
    [InlineData(new[] { "--in", "P10", "--data", "gmm8" }, "do not match the distribution's event shape [2]")]
    [InlineData(new[] { "--in", "P2", "--n", "5" }, "--n does not apply with --in")]
    [InlineData(new[] { "--in", "missing.csv" }, "--in")]
    [InlineData(new[] { "--data", "gmm9" }, "--data")]
    [InlineData(new[] { "--process", "vp", "--sigma-max", "3" }, "--sigma-max does not apply to --process vp")]
    [InlineData(new[] { "--batch-size", "0" }, "--batch-size must be ≥ 1 (got 0)")]
    public void Bad_input_is_one_line_exit_2_and_nothing_written(string[] args, string expected)
    {
        var resolved = args.Select(a => a switch
        {
            "P10" => Points(3, 10, 3),
            "P2" => Points(3, 2, 4),
            "missing.csv" => _cli.PathOf("missing.csv"),
            _ => a,
        }).ToArray();
        var result = CliHarness.Run(["likelihood", .. resolved, "--out", _cli.PathOf("out")]);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(_cli.PathOf("out")));
    }
}
