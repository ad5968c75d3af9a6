using ScoreScope.Experiments.MixedCumulants;

namespace ScoreScope.Experiments.Tests;

/// <summary>
/// <see cref="MixedCumulantExperiment"/> as a library call: the quick preset with a smaller budget writes every file;
/// the exact claims (the Hermite table of docs/science/simplicity-bias.md §2, odd terms vanishing, s → δ on isotropic data) hold and are
/// checked; the three sweep exponents are recorded as findings under --quick.
/// </summary>
public sealed class MixedCumulantExperimentTests : IDisposable
{
    readonly RunFolderFixture _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public void The_quick_preset_writes_its_files_the_exact_claims_hold_and_the_exponents_are_findings()
    {
        var experiment = new MixedCumulantExperiment();
        var parameters = experiment.Quick with
        {
            CurveQuarticSteps = 20_000, SweepQuarticDimensions = [12, 16, 24], SweepQuarticBudget = 200_000, SweepPairwiseDimensions = [16, 32, 64],
        };

        var outcome = experiment.Run(parameters, new ExperimentContext(_run.Folder, NoProgress.Instance));

        foreach (string file in new[] { "checks.csv", "checks.json", "hermite.csv", "exponents.csv", "sweep.csv", "sweep-summary.csv",
            "curves-covariance.csv", "curves-independent.csv", "curves-correlated.csv", "sweep.png", "sweep.svg" })
            Assert.True(File.Exists(_run.PathOf(file)), $"{file} missing");
        Assert.All(outcome.Figures, f => Assert.True(File.Exists(_run.PathOf(f)), $"figure {f} missing"));
        var claims = outcome.Claims.Claims;
        Assert.Equal(claims.Count + 1, File.ReadAllLines(_run.PathOf("checks.csv")).Length);
        var hermite = claims.Where(c => c.Name.StartsWith("hermite-", StringComparison.Ordinal)).ToArray();
        Assert.Equal(26, hermite.Length);
        Assert.All(hermite, c => Assert.True(c.Holds && c.Checked, $"{c.Name}: expected {c.Expected}, measured {c.Measured}"));
        var skip = Assert.Single(claims, c => c.Name == "skip-converges-to-delta-isotropic-gaussian");
        Assert.True(skip.Holds && skip.Checked, skip.Measured);
        var exponents = claims.Where(c => c.Name.StartsWith("sweep-", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, exponents.Length);
        Assert.All(exponents, c => Assert.False(c.Checked, $"{c.Name} must be a finding under --quick"));
        Assert.All(exponents, c => Assert.StartsWith("γ = ", c.Measured, StringComparison.Ordinal));
        // Per replica one row: 3 dimensions × 4 seeds for each of the three cases.
        Assert.Equal(1 + 3 * 3 * parameters.SweepSeeds, File.ReadAllLines(_run.PathOf("sweep.csv")).Length);
        // The tanh k* table: the code's V = 10 covariance spike is repulsive, the run's V < 1 spike and the κ₄ > 0 latent attractive.
        var table = outcome.Tables[1];
        Assert.Contains(table.Rows, r => r[0].StartsWith("covariance spike, V = 10", StringComparison.Ordinal) && r[2] == "2" && r[4] == "repulsive");
        Assert.Contains(table.Rows, r => r[0].StartsWith("cumulant spike, rademacher", StringComparison.Ordinal) && r[2] == "4" && r[4] == "repulsive");
        Assert.Contains(table.Rows, r => r[0].Contains("three-mixture", StringComparison.Ordinal) && r[0].Contains("independent", StringComparison.Ordinal) && r[2] == "4" && r[4] == "attractive");
        Assert.Contains(table.Rows, r => r[0].StartsWith("correlated latents", StringComparison.Ordinal) && r[2] == "2" && r[4] == "attractive");
    }

    [Fact]
    public void Invalid_parameters_are_refused_before_any_file_is_written()
    {
        var experiment = new MixedCumulantExperiment();
        var e = Assert.Throws<ExperimentParameterException>(() => experiment.Run(experiment.Quick with { SweepQuarticDimensions = [16, 2, 32] },
            new ExperimentContext(_run.Folder, NoProgress.Instance)));
        Assert.Equal("sweep-quartic-dimensions", e.Parameter);
        var activation = Assert.Throws<ExperimentParameterException>(() => experiment.Validate(experiment.Quick with { Activation = "swish" }));
        Assert.Equal("activation", activation.Parameter);
        var weight = Assert.Throws<ExperimentParameterException>(() => experiment.Validate(experiment.Quick with { MixtureWeight = 0.6 }));
        Assert.Equal("mixture-weight", weight.Parameter);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_run.Folder));
    }
}
