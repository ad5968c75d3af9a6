using ScoreScope.Cli.Errors;
using ScoreScope.Tests.Infrastructure;

namespace ScoreScope.Tests.Cli;

/// <summary>Issue 2, deliverable 8: <c>scorescope demo</c> runs end to end on embedded defaults and says where its output is.</summary>
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
        foreach (var file in new[] { "samples.npy", "config.json", "metrics.json", "samples.png" })
        {
            Assert.True(File.Exists(Path.Combine(output, "sample", file)), $"sample/{file} missing");
        }

        var again = CliHarness.Run("demo", "--out", output);
        Assert.Equal(ExitCodes.Usage, again.ExitCode);
        Assert.Single(again.ErrorLines);
    }
}
