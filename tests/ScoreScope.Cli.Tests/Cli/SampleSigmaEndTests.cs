using System.Globalization;
using System.Text.Json;
using ScoreScope.Cli.Errors;
using ScoreScope.Processes;
using ScoreScope.Tests.Infrastructure;

namespace ScoreScope.Tests.Cli;

/// <summary>
/// Issue 13, deliverable 4: <c>sample --sigma-end S</c> ends sampling where the process's noise-to-signal ratio b/a is
/// S (for VE the end noise one means by σ_min; with <c>--t-min</c> the noise left is √(σ(t_min)² − σ_min²)). Checked
/// against the closed-form inverse of the geometric VE schedule, equality with the matching <c>--t-min</c> run, a rerun
/// from config.json, and bad input.
/// </summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class SampleSigmaEndTests : IDisposable
{
    readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    static readonly string[] Common = ["sample", "--data", "gmm8", "--process", "ve", "--steps", "8", "--n", "200", "--seed", "5", "--dtype", "float64"];

    static JsonElement Resolved(string folder) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "config.json"))).RootElement.GetProperty("resolved").Clone();

    [Fact]
    public void Sampling_ends_at_the_time_where_b_over_a_equals_sigma_end()
    {
        const double sigmaEnd = 0.01, sigmaMin = 0.01, sigmaMax = 50;
        var run = CliHarness.Run([.. Common, "--sigma-end", "0.01", "--out", _cli.PathOf("end")]);
        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());

        // VE, σ(t) = σ_min (σ_max/σ_min)^t, b(t)² = σ(t)² − σ_min²: b = S at t = ln(S²/σ_min² + 1) / (2 ln(σ_max/σ_min)).
        double expected = Math.Log(sigmaEnd * sigmaEnd / (sigmaMin * sigmaMin) + 1) / (2 * Math.Log(sigmaMax / sigmaMin));
        string grid = Resolved(_cli.PathOf("end")).GetProperty("time-grid").GetString()!;
        double last = double.Parse(grid[(grid.LastIndexOf("t = ", StringComparison.Ordinal) + 4)..], CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(last - expected) <= 1e-9 * expected, $"t_min {last} vs closed form {expected} ({grid})");
        Assert.Contains("from --sigma-end", Resolved(_cli.PathOf("end")).GetProperty("end-noise-to-signal").GetString());

        // The same samples as --t-min at that time (bit for bit up to the printed t_min's round trip).
        var tMin = CliHarness.Run([.. Common, "--t-min", last.ToString("R", CultureInfo.InvariantCulture), "--out", _cli.PathOf("tmin")]);
        Assert.True(tMin.ExitCode == ExitCodes.Success, tMin.ToString());
        Assert.Equal(File.ReadAllBytes(_cli.PathOf("end", "samples.npy")), File.ReadAllBytes(_cli.PathOf("tmin", "samples.npy")));

        // A rerun from the saved config reproduces the run, and --t-min typed over such a config replaces its --sigma-end.
        var rerun = CliHarness.Run("sample", "--config", _cli.PathOf("end", "config.json"), "--out", _cli.PathOf("rerun"));
        Assert.True(rerun.ExitCode == ExitCodes.Success, rerun.ToString());
        Assert.Equal(File.ReadAllBytes(_cli.PathOf("end", "samples.npy")), File.ReadAllBytes(_cli.PathOf("rerun", "samples.npy")));
        var replaced = CliHarness.Run("sample", "--config", _cli.PathOf("end", "config.json"), "--t-min", "0.2", "--out", _cli.PathOf("replaced"));
        Assert.True(replaced.ExitCode == ExitCodes.Success, replaced.ToString());
        Assert.EndsWith("t = 0.2", Resolved(_cli.PathOf("replaced")).GetProperty("time-grid").GetString());
    }

    [Theory]
    [InlineData("--sigma-end 0", "--sigma-end must be finite and > 0 (got 0)")]
    [InlineData("--sigma-end 80", "--sigma-end 80: not a noise-to-signal ratio this process passes through before T; valid: (0, 50) (VE")]
    [InlineData("--sigma-end 0.1 --t-min 0.01", "--sigma-end and --t-min both set where sampling ends; give one of them")]
    public void Bad_sigma_end_is_one_line_exit_2_naming_it(string arguments, string message)
    {
        var run = CliHarness.Run([.. Common, .. arguments.Split(' '), "--out", _cli.PathOf("bad")]);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.Contains(message, run.Error);
        Assert.False(Directory.Exists(_cli.PathOf("bad")));
    }
}
