using System.Globalization;
using ScoreScope.Cli.Errors;
using ScoreScope.IO;
using ScoreScope.Tests.Infrastructure;
using ScoreScope.Training;

namespace ScoreScope.Tests.Cli;

/// <summary>
/// <c>scorescope reproduce cumulants-toy</c> on a tiny configuration (4096 samples, 20 steps, 20 training steps):
/// every file of the run folder, loadable models, the claim table and the <c>--check</c> exit code. The claims
/// themselves are measured at full size (issue 4); at this size only the closed-form claims must hold.
/// </summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class CumulantsToyCommandTests : IDisposable
{
    readonly CliHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void A_tiny_run_writes_tracks_table_plots_models_and_claims_and_check_reflects_the_claims()
    {
        string output = _harness.PathOf("toy");
        var result = CliHarness.Run("reproduce", "cumulants-toy", "--set", "samples=4096", "--set", "exact-samples=4096", "--set", "steps=20",
            "--set", "record-every=1", "--set", "trained-samples=2048", "--set", "train-steps=20", "--seed", "7", "--check", "--out", output);

        var checks = File.ReadLines(Path.Combine(output, "checks.csv")).Skip(1).ToArray();
        // Columns end in holds,checked: a checked claim that fails makes --check exit with 3.
        bool allHold = !checks.Any(l => l.EndsWith(",false,true", StringComparison.Ordinal));
        Assert.True(result.ExitCode == (allHold ? ExitCodes.Success : ExitCodes.CheckFailed), result.ToString());
        foreach (string name in new[] { "forward-ve-kappa4-conserved", "backward-vp-exact-kappa8", "backward-ve-exact-kappa4", "trained-ve-kappa6" })
            Assert.Contains(checks, l => l.StartsWith(name + ",", StringComparison.Ordinal));
        Assert.All(checks.Where(l => l.Contains("closed-form", StringComparison.Ordinal) || l.StartsWith("ve-normal-prior-target", StringComparison.Ordinal)),
            l => Assert.EndsWith(",true,true", l, StringComparison.Ordinal));

        foreach (string file in new[] { "config.json", "metrics.json", "checks.json", "cumulants.csv", "data.npy", "forward-ve.csv", "forward-vp.csv",
            "backward-ve-exact.csv", "backward-vp-trained.csv", "ve-exact.npy", "vp-trained.npy", "ve-exact-relative.png", "vp-trained-tracks.png" })
            Assert.True(File.Exists(Path.Combine(output, file)), $"{file} is missing");
        foreach (string process in new[] { "ve", "vp" })
        {
            using var model = ScoreModelFile.Load(Path.Combine(output, $"{process}-model", "model.ckpt"));
            Assert.Equal(process == "ve" ? "VarianceExplodingDiffusionBase" : "VariancePreservingDiffusionBase", model.Config.Process.Kind.ToString());
        }
        using (var trained = NpyFile.Read(Path.Combine(output, "vp-trained.npy")))
            Assert.Equal([4096L, 1L], trained.shape);

        // Backward tracks: ≥ 50 recorded times (every step here) from t = 1 down to t = 0, κ1..κ8 each.
        var times = File.ReadLines(Path.Combine(output, "backward-ve-exact.csv")).Skip(1)
            .Select(l => double.Parse(l.Split(',')[0], CultureInfo.InvariantCulture)).Distinct().ToArray();
        Assert.Equal(21, times.Length);
        Assert.Equal(0.0, times.Min());
        var rows = File.ReadLines(Path.Combine(output, "cumulants.csv")).Skip(1).Select(l => l.Split(',')[0]).ToArray();
        Assert.Equal(["exact p0", "ve normal-prior q0 (quadrature)", "data", "ve-exact", "vp-exact", "ve-trained", "vp-trained"], rows);
        string config = File.ReadAllText(Path.Combine(output, "config.json"));
        Assert.Contains("\"trained-samples\": 2048", config, StringComparison.Ordinal);
        Assert.Contains("\"seed\": 7", config, StringComparison.Ordinal);
        Assert.Contains("claims hold", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_existing_output_folder_is_refused_with_exit_code_2()
    {
        string output = _harness.PathOf("toy");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "keep.txt"), "x");
        var result = CliHarness.Run("reproduce", "cumulants-toy", "--quick", "--out", output);
        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.True(File.Exists(Path.Combine(output, "keep.txt")));
    }
}
