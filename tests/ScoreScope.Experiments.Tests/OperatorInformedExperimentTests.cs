using System.Globalization;
using ScoreScope.Experiments.OperatorInformed;

namespace ScoreScope.Experiments.Tests;

/// <summary>
/// <see cref="OperatorInformedExperiment"/> as a library call: the quick preset with a tiny budget (40 steps, 2
/// repetitions, 2 data sets) writes every file; the exact oracle claims (§5 tables, the circle full-basis limit, the
/// OU DSM second moments) and OISM(high) beating OISM(low) hold (Fisher error and held-out log-likelihood); the held-out
/// log-likelihood files, table and values are present and finite; the network comparisons are findings.
/// </summary>
public sealed class OperatorInformedExperimentTests : IDisposable
{
    readonly RunFolderFixture _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public void The_quick_preset_with_a_tiny_budget_writes_its_files_and_the_oracle_claims_hold()
    {
        var experiment = new OperatorInformedExperiment();
        var parameters = experiment.Quick with
        {
            Datasets = ["8gaussians", "2spirals"], Seeds = 2, TrainingSteps = 40, WarmStartSteps = 5, EvaluationSamples = 300, LikelihoodSamples = 200,
            VarianceSamples = 20_000, SphereData = 150, SphereSamples = 100, SphereSteps = 40,
        };

        var outcome = experiment.Run(parameters, new ExperimentContext(_run.Folder, NoProgress.Instance));

        foreach (string file in new[] { "checks.csv", "checks.json", "oracle-ou.csv", "oracle-circle.csv", "variance.csv", "toy-fisher.csv",
            "toy-summary.csv", "toy-likelihood.csv", "toy-likelihood-summary.csv", "sphere-components.csv", "sphere-samples.csv", "oracle-ou.svg" })
            Assert.True(File.Exists(_run.PathOf(file)), $"{file} missing");
        Assert.All(outcome.Figures, f => Assert.True(File.Exists(_run.PathOf(f)), $"figure {f} missing"));
        var claims = outcome.Claims.Claims;
        Assert.Equal(claims.Count + 1, File.ReadAllLines(_run.PathOf("checks.csv")).Length);
        var exact = claims.Where(c => c.Name.StartsWith("ou-", StringComparison.Ordinal) && c.Checked || c.Name.StartsWith("circle-", StringComparison.Ordinal)).ToArray();
        Assert.True(exact.Length >= 40, $"expected ≥ 40 oracle claims, got {exact.Length}");
        Assert.All(exact, c => Assert.True(c.Holds, $"{c.Name}: expected {c.Expected}, measured {c.Measured}"));
        Assert.All(claims.Where(c => c.Name.EndsWith("oism-high-beats-oism-low", StringComparison.Ordinal)), c => Assert.True(c.Holds && c.Checked, $"{c.Name}: {c.Measured}"));
        Assert.Contains(claims, c => c.Name == "toy-8gaussians-residual-beats-nn-only" && !c.Checked && c.Measured.Contains("paired difference", StringComparison.Ordinal));
        Assert.Contains(claims, c => c.Name == "toy-8gaussians-likelihood-residual-beats-nn-only" && !c.Checked && c.Measured.Contains("paired difference", StringComparison.Ordinal));
        Assert.Equal(5, outcome.Tables.Count);
        var toy = outcome.Tables[1];
        Assert.Equal(2, toy.Rows.Count);
        Assert.All(toy.Rows, r => Assert.Equal(toy.Columns.Count, r.Count));
        // 2 data sets × 2 repetitions × 5 methods × 4 evaluation times
        Assert.Equal(1 + 2 * 2 * 5 * 4, File.ReadAllLines(_run.PathOf("toy-fisher.csv")).Length);
        // held-out log-likelihood: one row per data set and repetition and method, every value finite; the summary has
        // the five methods and the reference per data set, and the second toy table one row per data set
        var likelihood = outcome.Tables[2];
        Assert.Equal(2, likelihood.Rows.Count);
        Assert.All(likelihood.Rows, r => Assert.Equal(likelihood.Columns.Count, r.Count));
        var detail = File.ReadAllLines(_run.PathOf("toy-likelihood.csv"));
        Assert.Equal("dataset,method,repetition,log_likelihood_mean,log_likelihood_se_points,function_evaluations", detail[0]);
        Assert.Equal(1 + 2 * 2 * 5, detail.Length);
        Assert.All(detail.Skip(1), line => Assert.All(line.Split(',')[3..5], v => Assert.True(double.IsFinite(double.Parse(v, CultureInfo.InvariantCulture)), line)));
        var summary = File.ReadAllLines(_run.PathOf("toy-likelihood-summary.csv"));
        Assert.Equal(1 + 2 * 6, summary.Length);
        Assert.All(summary.Skip(1), line => Assert.True(double.IsFinite(double.Parse(line.Split(',')[2], CultureInfo.InvariantCulture)), line));
        Assert.Contains(claims, c => c.Name == "toy-8gaussians-likelihood-oism-high-beats-oism-low");
    }

    [Fact]
    public void Invalid_parameters_are_refused_before_any_file_is_written()
    {
        var experiment = new OperatorInformedExperiment();
        var e = Assert.Throws<ExperimentParameterException>(() => experiment.Run(experiment.Quick with { Datasets = ["8gaussians", "moons"] },
            new ExperimentContext(_run.Folder, NoProgress.Instance)));
        Assert.Equal("datasets", e.Parameter);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_run.Folder));
    }
}
