using ScoreScope.Tests.Cli;

namespace ScoreScope.Tests.Sweeps;

/// <summary>
/// <c>scorescope sweep</c> in-process: plan prints every point; bad sweep files, options and folders get one line on
/// stderr, exit 2, and nothing is written or run.
/// </summary>
public sealed class SweepCommandTests : IDisposable
{
    readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    string File(string json)
    {
        string path = _cli.PathOf($"sweep-{Guid.NewGuid():N}.json");
        System.IO.File.WriteAllText(path, json);
        return path;
    }

    const string Samplers = """
        { "name": "samplers", "command": "sample", "options": { "data": "gmm8", "n": 300, "steps": 8 },
          "axes": [ { "grid": { "sampler": ["heun", "euler-maruyama", "pc"] } }, { "seeds": [1, 2, 3, 4] } ] }
        """;

    [Fact]
    public void Plan_prints_every_point_without_running_anything()
    {
        var result = CliHarness.Run("sweep", "plan", File(Samplers));
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("sweep samplers: 12 point(s) of 'scorescope sample'", lines[0], StringComparison.Ordinal);
        Assert.Equal(13, lines.Length);
        Assert.Contains(lines, l => l.Contains("--sampler pc --seed 4", StringComparison.Ordinal));
        Assert.Single(_cli.Entries()); // the sweep file only
    }

    [Theory]
    [InlineData("""{ "name": "s", "command": "sample", "options": { "bogus-option": 3 } }""", "'scorescope sample' rejects it")]
    [InlineData("""{ "name": "s", "command": "sample", "axes": [ { "grid": { "sampler": [] } } ] }""", "is empty")]
    [InlineData("""{ "name": "s", "command": "sample", "axes": [ { "zip": { "steps": [8, 16], "snr": [0.1] } } ] }""", "unequal lengths")]
    [InlineData("""{ "name": "s", "command": "no-such-command" }""", "rejects it")]
    [InlineData("""{ "name": "s", "command": "runs list" }""", "rejects it")]
    public void A_bad_sweep_file_is_one_line_exit_2_and_nothing_is_written(string json, string expected)
    {
        string file = File(json);
        foreach (var subcommand in new[] { "plan", "run" })
        {
            var args = subcommand == "plan" ? new[] { "sweep", "plan", file } : ["sweep", "run", file, "--out", _cli.PathOf("out")];
            var result = CliHarness.Run(args);
            Assert.True(result.ExitCode == 2, result.ToString());
            var line = Assert.Single(result.ErrorLines);
            Assert.StartsWith($"scorescope sweep {subcommand}: sweep file", line, StringComparison.Ordinal);
            Assert.Contains(expected, line, StringComparison.Ordinal);
        }
        Assert.False(Directory.Exists(_cli.PathOf("out")));
    }

    [Fact]
    public void An_out_folder_that_holds_another_sweep_is_refused_before_anything_runs()
    {
        string other = _cli.PathOf("other");
        Directory.CreateDirectory(other);
        System.IO.File.WriteAllText(Path.Combine(other, "sweep.json"), """{ "name": "steps", "command": "sample", "version": "1", "points": [] }""");
        var result = CliHarness.Run("sweep", "run", File(Samplers), "--out", other);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("holds a different sweep ('steps'", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(["sweep.json"], Directory.EnumerateFileSystemEntries(other).Select(Path.GetFileName));

        string notSweep = _cli.PathOf("not-a-sweep");
        Directory.CreateDirectory(notSweep);
        System.IO.File.WriteAllText(Path.Combine(notSweep, "notes.txt"), "mine");
        result = CliHarness.Run("sweep", "run", File(Samplers), "--out", notSweep);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("not a sweep folder", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--backend", "ssh" }, "--backend 'ssh': expected local or slurm")]
    [InlineData(new[] { "--workers", "0" }, "--workers 0: expected an integer in [1, 256]")]
    [InlineData(new[] { "--partition", "gpu" }, "--partition applies to --backend slurm only")]
    [InlineData(new[] { "--backend", "slurm", "--workers", "2" }, "--workers applies to --backend local only")]
    [InlineData(new[] { "--backend", "slurm", "--array-throttle", "0" }, "--array-throttle 0: expected an integer ≥ 1")]
    [InlineData(new[] { "--threads", "0" }, "--threads")]
    public void Bad_run_options_are_one_line_exit_2(string[] options, string expected)
    {
        var result = CliHarness.Run(["sweep", "run", File(Samplers), "--out", _cli.PathOf("out"), .. options]);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(_cli.PathOf("out")));
    }

    [Fact]
    public void Collect_of_a_folder_without_a_sweep_is_exit_2()
    {
        var result = CliHarness.Run("sweep", "collect", _cli.Root);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("holds no sweep.json", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        result = CliHarness.Run("sweep", "collect", _cli.Root, "--metric", "x");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--metric and --axis go together", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }
}
