using ScoreScope.Cli.Errors;
using ScoreScope.Tests.Infrastructure;

namespace ScoreScope.Tests.Cli;

/// <summary>Issue 3, deliverable 5: <c>scorescope evaluate</c> writes the score-error curve and sample metrics of a trained model.</summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class EvaluateCommandTests : IDisposable
{
    readonly CliHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Evaluate_writes_the_score_error_curve_at_20_or_more_times_and_the_sample_metrics()
    {
        string model = _harness.PathOf("m"), output = _harness.PathOf("e");
        TrainCliRuns.Train(model);

        var result = CliHarness.Run("evaluate", "--model", model, "--out", output, "--error-samples", "256",
            "--n", "400", "--steps", "8", "--seed", "3");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var lines = File.ReadAllLines(Path.Combine(output, "score_error.csv"));
        Assert.Equal("t,rel_error", lines[0]);
        Assert.True(lines.Length - 1 >= 20, $"{lines.Length - 1} times; expected ≥ 20");
        Assert.All(lines.Skip(1), l => Assert.True(double.IsFinite(double.Parse(l.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)), l));
        foreach (var file in new[] { "score_error.png", "metrics.json", "metrics.csv", "config.json", "sample/samples.npy" })
        {
            Assert.True(File.Exists(Path.Combine(output, file)), $"{file} missing");
        }
        string metrics = File.ReadAllText(Path.Combine(output, "metrics.json"));
        Assert.Contains("\"max-rel-error-in-window\"", metrics);
        Assert.Contains("\"mode-occupancy\"", metrics);
        Assert.Contains("energy distance", File.ReadAllText(Path.Combine(output, "metrics.csv")));
        Assert.Contains("max rel_error", result.Output);
    }

    [Fact]
    public void Evaluate_without_a_trained_model_exits_2_and_writes_nothing()
    {
        string output = _harness.PathOf("e");
        Directory.CreateDirectory(_harness.PathOf("empty"));

        var missing = CliHarness.Run("evaluate", "--out", output);
        var notARun = CliHarness.Run("evaluate", "--model", _harness.PathOf("empty"), "--out", output);

        Assert.Equal(ExitCodes.Usage, missing.ExitCode);
        Assert.Contains("--model", Assert.Single(missing.ErrorLines));
        Assert.Equal(ExitCodes.Usage, notARun.ExitCode);
        Assert.Contains("config.json", Assert.Single(notARun.ErrorLines));
        Assert.Equal(new[] { "empty" }, _harness.Entries());
    }
}
