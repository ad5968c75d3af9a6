using ScoreScope.Experiments.SimplicityBias;

namespace ScoreScope.Experiments.Tests;

/// <summary>
/// <see cref="SimplicityBiasExperiment"/> as a library call: the quick preset with a tiny budget (12 steps, 16 images per
/// evaluation set, 2 samples) writes every file; the checked schedule claims hold and the four image claims are findings.
/// </summary>
public sealed class SimplicityBiasExperimentTests : IDisposable
{
    readonly RunFolderFixture _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public void The_quick_preset_with_a_tiny_budget_writes_its_files_and_records_the_image_claims_as_findings()
    {
        var experiment = new SimplicityBiasExperiment();
        var parameters = experiment.Quick with { TrainImages = 200, TestImages = 100, TrainingSteps = 12, BatchSize = 8, Checkpoints = 3, EvaluationImages = 16, SampleImages = 2 };

        var outcome = experiment.Run(parameters, new ExperimentContext(_run.Folder, NoProgress.Instance));

        foreach (string file in new[] { "checks.csv", "checks.json", "losses.csv", "ratios.csv", "samples.png", "data.png", "gaussian-clone.png",
            "mean-clone.png", "ratio.png", "ratio.svg", "losses-random.png", "losses-t100.png", "losses-t500.png", "losses-t800.png" })
            Assert.True(File.Exists(_run.PathOf(file)), $"{file} missing");
        Assert.All(outcome.Figures, f => Assert.True(File.Exists(_run.PathOf(f)), $"figure {f} missing"));
        var claims = outcome.Claims.Claims;
        Assert.Equal(claims.Count + 1, File.ReadAllLines(_run.PathOf("checks.csv")).Length);
        var schedule = claims.Where(c => c.Name.StartsWith("ddpm-alpha-bar-", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, schedule.Length);
        Assert.All(schedule, c => Assert.True(c.Holds && c.Checked, $"{c.Name}: {c.Measured}"));
        foreach (string name in new[] { "gaussian-clone-ratio-t100-exceeds-1.2", "gaussian-clone-ratio-t800-near-1", "mean-clone-separates-before-gaussian-clone", "train-test-within-5-percent" })
            Assert.False(Assert.Single(claims, c => c.Name == name).Checked, $"{name} must be a finding under --quick");
        // 4 checkpoints (0 and 3 log-spaced) × 4 sets × 4 noise modes, plus the header.
        var grid = ScoreScope.SimplicityBias.LogSpacedSteps.Grid(parameters.TrainingSteps, parameters.Checkpoints);
        Assert.Equal(1 + grid.Length * 4 * 4, File.ReadAllLines(_run.PathOf("losses.csv")).Length);
        // At step 0 the network outputs zero (zero-initialised output convolution): every ε-MSE is E‖ε‖²/d ≈ 1 and every ratio exactly 1.
        var first = File.ReadAllLines(_run.PathOf("ratios.csv")).Skip(1).Where(l => l.StartsWith("0,", StringComparison.Ordinal)).ToArray();
        Assert.Equal(4, first.Length);
        Assert.All(first, l => Assert.Equal(1.0, double.Parse(l.Split(',')[2], System.Globalization.CultureInfo.InvariantCulture), 12));
    }

    [Fact]
    public void Invalid_parameters_are_refused_before_any_file_is_written()
    {
        var experiment = new SimplicityBiasExperiment();
        var e = Assert.Throws<ExperimentParameterException>(() => experiment.Run(experiment.Quick with { FixedTimes = [100, 1000] },
            new ExperimentContext(_run.Folder, NoProgress.Instance)));
        Assert.Equal("fixed-times", e.Parameter);
        Assert.Equal("train-images", Assert.Throws<ExperimentParameterException>(() => experiment.Validate(experiment.Quick with { TrainImages = 9500 })).Parameter);
        Assert.Equal("channel-multipliers", Assert.Throws<ExperimentParameterException>(() => experiment.Validate(experiment.Quick with { ChannelMultipliers = [1, 2, 2, 2] })).Parameter);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_run.Folder));
    }
}
