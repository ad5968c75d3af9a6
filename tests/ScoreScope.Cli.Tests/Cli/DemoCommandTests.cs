using ScoreScope.Cli.Errors;
using ScoreScope.Tests.Infrastructure;

namespace ScoreScope.Tests.Cli;

/// <summary>
/// Issue 2, deliverable 8 and issue 3, deliverable 5: <c>scorescope demo</c> trains a small model, evaluates it and
/// samples with it end to end on embedded defaults, in under a minute, and says where its output is.
/// </summary>
[Trait("Category", "Slow")]
[Collection(TorchGlobalStateCollection.Name)]
public sealed class DemoCommandTests : IDisposable
{
    readonly CliHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Demo_writes_its_stages_and_reports_where_they_are()
    {
        string output = _harness.PathOf("demo");

        var result = CliHarness.Run("demo", "--out", output);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal("", result.Error);
        Assert.Contains($"Output: {output}", result.Output);
        Assert.Contains("mode occupancy", result.Output);
        Assert.True(File.Exists(Path.Combine(output, "config.json")));
        Assert.Contains("max rel_error", result.Output);
        foreach (var file in new[]
        {
            "train/model.ckpt", "train/config.json", "train/metrics.csv", "train/loss.png",
            "evaluate/score_error.csv", "evaluate/score_error.png", "evaluate/metrics.json", "evaluate/config.json",
            "evaluate/sample/samples.npy", "evaluate/sample/samples.png",
        })
        {
            Assert.True(File.Exists(Path.Combine(output, file)), $"{file} missing");
        }
        // Issue 13: the demo's model meets its own score-error level (it ended on the ring plateau at 0.43 with lr 2e-3).
        using (var metrics = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "evaluate", "metrics.json"))))
        {
            var scoreError = metrics.RootElement.GetProperty("score-error");
            double worst = scoreError.GetProperty("max-rel-error-in-window").GetDouble();
            Assert.True(scoreError.GetProperty("within-acceptance-level").GetBoolean(), $"max rel_error on [0.1, 1] = {worst}");
            Assert.True(worst <= scoreError.GetProperty("acceptance-level").GetDouble(), $"max rel_error on [0.1, 1] = {worst}");
        }
        Assert.Contains("within its level 0.05", result.Output);
        // The stages' configs name the final folder, not the temporary one the demo was written to.
        Assert.DoesNotContain(".partial-", File.ReadAllText(Path.Combine(output, "evaluate", "sample", "config.json")));

        var again = CliHarness.Run("demo", "--out", output);
        Assert.Equal(ExitCodes.Usage, again.ExitCode);
        Assert.Single(again.ErrorLines);
    }
}
