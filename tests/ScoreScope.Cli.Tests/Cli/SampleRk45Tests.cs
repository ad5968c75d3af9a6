using System.Text.Json.Nodes;
using ScoreScope.Tests.Infrastructure;

namespace ScoreScope.Tests.Cli;

/// <summary><c>sample --sampler rk45</c>: the adaptive solver's NFE and tolerances are recorded; its options are checked.</summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class SampleRk45Tests : IDisposable
{
    readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Rk45_records_its_tolerances_and_function_evaluations_and_is_reproducible()
    {
        string[] args = ["sample", "--data", "gaussian10", "--sampler", "rk45", "--rtol", "1e-4", "--atol", "1e-6", "--n", "300", "--seed", "11"];
        var first = CliHarness.Run([.. args, "--out", _cli.PathOf("a")]);
        var second = CliHarness.Run([.. args, "--out", _cli.PathOf("b")]);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        var metrics = JsonNode.Parse(File.ReadAllText(_cli.PathOf("a", "metrics.json")))!.AsObject();
        long evaluations = metrics["function-evaluations"]!.GetValue<long>();
        long steps = metrics["accepted-steps"]!.GetValue<long>() + metrics["rejected-steps"]!.GetValue<long>();
        Assert.Equal(2 + 6 * steps, evaluations); // initial slope + step-size probe + 6 per attempted step (FSAL)
        var options = JsonNode.Parse(File.ReadAllText(_cli.PathOf("a", "config.json")))!["options"]!;
        Assert.Equal(1e-4, options["rtol"]!.GetValue<double>());
        Assert.Equal(1e-6, options["atol"]!.GetValue<double>());
        Assert.True(File.ReadAllBytes(_cli.PathOf("a", "samples.npy")).SequenceEqual(File.ReadAllBytes(_cli.PathOf("b", "samples.npy"))));
    }

    [Theory]
    [InlineData(new[] { "--sampler", "heun", "--rtol", "1e-3" }, "--rtol applies only to --sampler rk45 (got --sampler heun)")]
    [InlineData(new[] { "--sampler", "pc", "--atol", "1e-3" }, "--atol applies only to --sampler rk45 (got --sampler pc)")]
    [InlineData(new[] { "--sampler", "rk45", "--rtol", "0" }, "--rtol must be finite and > 0 (got 0)")]
    [InlineData(new[] { "--sampler", "rk45", "--atol", "-1" }, "--atol must be finite and > 0 (got -1)")]
    public void Tolerances_are_checked(string[] args, string expected)
    {
        var result = CliHarness.Run(["sample", "--data", "gmm8", .. args, "--out", _cli.PathOf("out")]);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(_cli.PathOf("out")));
    }
}
