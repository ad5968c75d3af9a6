using ScoreScope.Experiments.Singular;

namespace ScoreScope.Experiments.Tests;

/// <summary>
/// <see cref="SingularExperiment"/> as a library call: the quick preset with a tiny training budget (3 steps, 40 samples)
/// writes every file and its claims; the exact oracles (closed forms, independent of the budget) hold.
/// </summary>
public sealed class SingularExperimentTests : IDisposable
{
    readonly RunFolderFixture _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public void The_quick_preset_with_a_tiny_budget_writes_its_files_and_the_oracle_claims_hold()
    {
        var experiment = new SingularExperiment();
        var parameters = experiment.Quick with { TrainingSteps = 3, SampleCount = 40 };

        var outcome = experiment.Run(parameters, new ExperimentContext(_run.Folder, NoProgress.Instance));

        foreach (string file in new[] { "checks.csv", "checks.json", "comparison.csv", "score-error.csv", "oracle-rays.csv",
            "oracle-monte-carlo.csv", "oracle-exponents.csv", "samples/circle-data.npy", "models/sphere-noise/model.ckpt" })
            Assert.True(File.Exists(_run.PathOf(file)), $"{file} missing");
        Assert.All(outcome.Figures, f => Assert.True(File.Exists(_run.PathOf(f)), $"figure {f} missing"));
        var claims = outcome.Claims.Claims;
        Assert.Equal(claims.Count + 1, File.ReadAllLines(_run.PathOf("checks.csv")).Length);
        // Closed-form oracle claims: the radial score along rays and on M, bounded x̂₀, finite f and S.
        var oracle = claims.Where(c => c.Name.Contains("S_r", StringComparison.Ordinal) || c.Name.Contains("max|f|", StringComparison.Ordinal)
            || c.Name.Contains("finite-f-and-S", StringComparison.Ordinal)).ToArray();
        Assert.True(oracle.Length >= 30, $"expected ≥ 30 oracle claims, got {oracle.Length}");
        Assert.All(oracle, c => Assert.True(c.Holds && c.Checked, $"{c.Name}: expected {c.Expected}, measured {c.Measured}"));
        // The paper's hypotheses are findings (never enforced), whatever this budget gives.
        Assert.Contains(claims, c => c.Name == "circle-paper-data-less-pollution-q90-than-noise" && !c.Checked);
        var table = Assert.Single(outcome.Tables);
        Assert.Equal(2 * 4 * 2, table.Rows.Count);
        Assert.All(table.Rows, r => Assert.Equal(table.Columns.Count, r.Count));
        Assert.Contains("model-process", outcome.Resolved.Keys);
    }

    [Fact]
    public void Invalid_parameters_are_refused_before_any_file_is_written()
    {
        var experiment = new SingularExperiment();
        var e = Assert.Throws<ExperimentParameterException>(() => experiment.Run(experiment.Quick with { Parametrisations = ["noise", "eps"] },
            new ExperimentContext(_run.Folder, NoProgress.Instance)));
        Assert.Equal("parametrisations", e.Parameter);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_run.Folder));
    }
}
