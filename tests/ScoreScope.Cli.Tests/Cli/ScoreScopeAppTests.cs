using ScoreScope.Cli.Errors;
using ScoreScope.Tests.Infrastructure;

namespace ScoreScope.Tests.Cli;

/// <summary>Help on every command, and one-line errors for a missing or unknown command.</summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class ScoreScopeAppTests
{
    [Theory]
    [InlineData(new string[] { "--help" }, new[] { "sample", "demo", "scorescope" })]
    [InlineData(new[] { "sample", "--help" }, new[] { "--data", "--process", "--sigma-min", "--sigma-max", "--beta-min", "--beta-max",
        "--score", "--sampler", "--steps", "--grid", "--t-min", "--snr", "--denoise", "--n", "--batch", "--seed", "--dtype",
        "--device", "--threads", "--out", "--force", "--config", "--verbose" })]
    [InlineData(new[] { "demo", "--help" }, new[] { "--out", "--force", "--verbose" })]
    [InlineData(new[] { "sample", "-h" }, new[] { "--steps" })]
    public void Help_lists_the_commands_and_options(string[] args, string[] expected)
    {
        var result = CliHarness.Run(args);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal("", result.Error);
        foreach (var part in expected)
        {
            Assert.Contains(part, result.Output);
        }
    }

    [Fact]
    public void Missing_command_is_one_line_with_exit_code_2()
    {
        var result = CliHarness.Run();

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.Contains("sample, demo", result.Error);
    }

    [Fact]
    public void Unknown_command_is_named_in_one_line_with_exit_code_2()
    {
        var result = CliHarness.Run("smaple");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.Contains("'smaple'", result.Error);
        Assert.Contains("sample, demo", result.Error);
    }
}
