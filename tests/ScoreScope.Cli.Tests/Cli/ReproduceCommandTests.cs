using ScoreScope.Cli.Errors;
using ScoreScope.Experiments;

namespace ScoreScope.Tests.Cli;

/// <summary><c>scorescope reproduce</c> itself: the listing, unknown names and misuse of the common options (no experiment runs).</summary>
public sealed class ReproduceCommandTests : IDisposable
{
    readonly CliHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void List_names_every_registered_experiment_and_its_arxiv_id()
    {
        var result = CliHarness.Run("reproduce", "--list");
        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        foreach (var experiment in ExperimentRegistry.All)
        {
            Assert.Contains(experiment.Name, result.Output);
            Assert.Contains(experiment.Paper.ArxivId, result.Output);
        }
    }

    [Fact]
    public void List_of_one_experiment_shows_every_parameter_with_its_full_and_quick_values()
    {
        var experiment = ExperimentRegistry.All[0];
        var result = CliHarness.Run("reproduce", experiment.Name, "--list");
        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        foreach (string name in ParameterAssignment.Names(experiment.ParametersType))
            Assert.Contains(name, result.Output);
        Assert.Contains(experiment.Stages[0], result.Output);
    }

    [Fact]
    public void An_unknown_name_exits_2_listing_the_registered_names()
    {
        var result = CliHarness.Run("reproduce", "no-such-experiment", "--out", _harness.PathOf("never"));
        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Single(result.ErrorLines);
        Assert.Contains("'no-such-experiment'", result.Error);
        foreach (string name in ExperimentRegistry.Names) Assert.Contains(name, result.Error);
        Assert.False(Directory.Exists(_harness.PathOf("never")));
    }

    [Theory]
    [InlineData(new string[0], "name an experiment")]
    [InlineData(new[] { "all", "--set", "steps=3" }, "--set steps=3")]
    [InlineData(new[] { "all", "--threads", "0" }, "--threads")]
    [InlineData(new[] { "all", "--device", "tpu" }, "--device tpu")]
    [InlineData(new[] { "spectra", "--training-steps", "10" }, "'--training-steps' is a parameter of experiment spectra; set it with --set training-steps=VALUE")]
    [InlineData(new[] { "singular", "--steps", "10" }, "'--steps' is a parameter of experiment singular; set it with --set training-steps=VALUE")]
    [InlineData(new[] { "spectra", "--bogus", "1" }, "unknown option or argument '--bogus'; valid options:")]
    public void Misuse_exits_2_with_one_line_and_writes_nothing(string[] arguments, string message)
    {
        var result = CliHarness.Run(["reproduce", .. arguments, "--out", _harness.PathOf("never")]);
        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Single(result.ErrorLines);
        Assert.Contains(message, result.Error);
        Assert.False(Directory.Exists(_harness.PathOf("never")));
    }
}
