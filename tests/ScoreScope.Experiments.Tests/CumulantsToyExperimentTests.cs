using ScoreScope.Experiments.Cumulants;

namespace ScoreScope.Experiments.Tests;

/// <summary>
/// <see cref="CumulantsToyExperiment"/> as a library call: the quick preset shrunk to 4096 samples, 20 sampler and 20
/// training steps writes its tracks, table, models and claims; at this size only the closed-form claims must hold (the
/// statistical claims are measured at full size, issue 4).
/// </summary>
public sealed class CumulantsToyExperimentTests : IDisposable
{
    readonly RunFolderFixture _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public void A_tiny_quick_run_writes_its_files_and_the_closed_form_claims_hold()
    {
        var experiment = new CumulantsToyExperiment();
        var parameters = experiment.Quick with
        {
            Samples = 4096, ExactSamples = 4096, TrainedSamples = 2048, SamplingSteps = 20, RecordEvery = 1, TrainingSteps = 20, Seed = 7,
        };

        var outcome = experiment.Run(parameters, new ExperimentContext(_run.Folder, NoProgress.Instance));

        foreach (string file in new[] { "checks.csv", "metrics.json", "cumulants.csv", "data.npy", "forward-ve.csv", "backward-vp-trained.csv",
            "ve-model/model.ckpt", "vp-model/model.ckpt" })
            Assert.True(File.Exists(_run.PathOf(file)), $"{file} missing");
        Assert.Equal(12, outcome.Figures.Count);
        Assert.All(outcome.Figures, f => Assert.True(File.Exists(_run.PathOf(f)), $"figure {f} missing"));
        var closedForm = outcome.Claims.Claims.Where(c => c.Name.Contains("closed-form", StringComparison.Ordinal)
            || c.Name.StartsWith("ve-normal-prior-target", StringComparison.Ordinal)).ToArray();
        Assert.Equal(6, closedForm.Length);
        Assert.All(closedForm, c => Assert.True(c.Holds, $"{c.Name}: expected {c.Expected}, measured {c.Measured}"));
        // Quick: the trained-model 1% claims are findings.
        Assert.All(outcome.Claims.Claims.Where(c => c.Name.StartsWith("trained-ve", StringComparison.Ordinal)), c => Assert.False(c.Checked));
        var table = Assert.Single(outcome.Tables);
        Assert.Equal(["exact p0", "ve normal-prior q0 (quadrature)", "data", "ve-exact", "vp-exact", "ve-trained", "vp-trained"],
            table.Rows.Select(r => r[0]));
        Assert.Single(outcome.Notes);
    }
}
