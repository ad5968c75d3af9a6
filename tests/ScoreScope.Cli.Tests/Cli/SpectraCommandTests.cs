using System.Globalization;
using ScoreScope.Cli.Errors;
using ScoreScope.Tests.Infrastructure;

namespace ScoreScope.Tests.Cli;

/// <summary>
/// Issue 5: <c>scorescope reproduce spectra</c> and <c>scorescope spectra</c> end to end with tiny budgets (a few
/// training steps, few times and points): the run folder's files, the claim files and the exit codes. The numbers of
/// the full experiment are measured separately (the trained claims need minutes of training).
/// </summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class SpectraCommandTests : IClassFixture<SpectraCommandTests.TinyReproduction>
{
    readonly TinyReproduction _run;

    public SpectraCommandTests(TinyReproduction run) => _run = run;

    /// <summary>One tiny <c>reproduce spectra --quick --check</c> shared by the tests of this class.</summary>
    public sealed class TinyReproduction : IDisposable
    {
        public TinyReproduction()
        {
            Folder = Harness.PathOf("reproduce");
            Result = CliHarness.Run("reproduce", "spectra", "--quick", "--check", "--set", "training-steps=10", "--set", "trained-times=4",
                "--set", "points=3", "--out", Folder);
        }

        internal CliHarness Harness { get; } = new();

        public string Folder { get; }

        internal CliResult Result { get; }

        public void Dispose() => Harness.Dispose();
    }

    [Fact]
    public void Reproduce_writes_spectra_models_plots_and_claims()
    {
        string[] files =
        [
            "config.json", "checks.csv", "checks.json", "metrics.json", "dimension-vs-t.png",
            "spectra-exact-single.npy", "spectra-exact-single.csv", "spectra-trained-two.npy", "spectra-trained-two-spread.npy",
            "heatmap-exact-two.png", "heatmap-trained-single.png", "gap-widths-two.png", "spectra-vs-t-exact-single.png",
            "trained-single/model.ckpt", "trained-single/manifold.json", "trained-two/model.ckpt", "trained-two/metrics.csv",
        ];
        Assert.All(files, f => Assert.True(File.Exists(Path.Combine(_run.Folder, f)), $"missing {f}\n{_run.Result}"));
        var checks = File.ReadAllLines(Path.Combine(_run.Folder, "checks.csv"));
        Assert.Equal("name,expected,measured,tolerance,holds,checked", checks[0]);
        // The exact claims hold at any budget; the trained ones need the real training budget.
        Assert.Contains(checks, l => l.StartsWith("exact-eigenvalues-ve", StringComparison.Ordinal) && l.EndsWith(",true,true", StringComparison.Ordinal));
        Assert.Contains(checks, l => l.StartsWith("score-matrix-svd", StringComparison.Ordinal) && l.EndsWith(",true,true", StringComparison.Ordinal));
        Assert.Contains(checks, l => l.StartsWith("exact-dimension-single", StringComparison.Ordinal) && l.EndsWith(",true,true", StringComparison.Ordinal));
        // Under --quick the trained-model claims are findings (checked = false) and do not set the exit code.
        Assert.All(checks.Where(l => l.StartsWith("trained-", StringComparison.Ordinal)), l => Assert.EndsWith(",false", l));
        bool allHold = checks.Skip(1).All(l => l.EndsWith(",true,true", StringComparison.Ordinal) || l.EndsWith(",false", StringComparison.Ordinal));
        Assert.Equal(allHold ? ExitCodes.Success : ExitCodes.CheckFailed, _run.Result.ExitCode);
        string config = File.ReadAllText(Path.Combine(_run.Folder, "config.json"));
        Assert.Contains("\"training-steps\": 10", config);
        Assert.Contains("\"trained-times\": 4", config);
    }

    [Theory]
    [InlineData("autograd")]
    [InlineData("svd")]
    public void Spectra_of_a_trained_model_overlay_the_exact_spectrum_of_its_manifold(string method)
    {
        string model = Path.Combine(_run.Folder, "trained-single");
        string output = _run.Harness.PathOf("spectra-" + method);
        var result = CliHarness.Run("spectra", "--model", model, "--points", "2", "--times", "0.01,0.1,1", "--method", method, "--out", output);
        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        foreach (var f in new[] { "config.json", "spectra.npy", "spectra.csv", "spectra-exact.csv", "heatmap.png", "dimension-vs-t.png", "gap-widths.png" })
            Assert.True(File.Exists(Path.Combine(output, f)), $"missing {f}\n{result}");
        var exact = File.ReadAllLines(Path.Combine(output, "spectra-exact.csv"));
        Assert.Equal(4, exact.Length);
        // docs/science/spectral-gaps.md §3: the exact m̂ is 40 at t = 0.01 and 0.1.
        Assert.Equal(40.0, double.Parse(exact[1].Split(',')[2], CultureInfo.InvariantCulture));
        Assert.Equal(40.0, double.Parse(exact[2].Split(',')[2], CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("--model", "missing-folder", "--model")]
    [InlineData("--times", "0.1,0.01", "strictly increasing")]
    [InlineData("--times", "log:1:0", "log:MIN:MAX:COUNT")]
    [InlineData("--times", "1e6", "exceeds the largest σ² = b²/a²")]
    [InlineData("--method", "jacobi", "autograd-noisy or svd")]
    [InlineData("--points", "0", "--points")]
    [InlineData("--tolerance", "1.5", "(0, 1)")]
    public void Bad_input_to_spectra_is_one_line_with_exit_code_two(string option, string value, string message)
    {
        string model = option == "--model" ? _run.Harness.PathOf(value) : Path.Combine(_run.Folder, "trained-single");
        string output = _run.Harness.PathOf("bad-" + Guid.NewGuid().ToString("N")[..6]);
        var args = new List<string> { "spectra", "--model", model, "--out", output };
        if (option != "--model") args.AddRange([option, value]);
        var result = CliHarness.Run([.. args]);
        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Single(result.ErrorLines);
        Assert.Contains(message, result.Error);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Bad_threads_for_reproduce_spectra_is_exit_code_two()
    {
        var result = CliHarness.Run("reproduce", "spectra", "--threads", "0", "--out", _run.Harness.PathOf("never"));
        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.Contains("--threads", result.Error);
    }
}
