using ScoreScope.Experiments.Spectra;

namespace ScoreScope.Experiments.Tests;

/// <summary>
/// <see cref="SpectraExperiment"/> as a library call: the quick preset with 10 training steps, 4 trained times and 3
/// points writes its spectra and plots; the exact-spectrum claims (closed forms, independent of the training budget)
/// hold.
/// </summary>
public sealed class SpectraExperimentTests : IDisposable
{
    readonly RunFolderFixture _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public void A_tiny_quick_run_writes_spectra_and_the_exact_claims_hold()
    {
        var experiment = new SpectraExperiment();
        var parameters = experiment.Quick with { TrainingSteps = 10, TrainedTimes = 4, Points = 3 };

        var outcome = experiment.Run(parameters, new ExperimentContext(_run.Folder, NoProgress.Instance));

        foreach (string file in new[] { "checks.csv", "metrics.json", "spectra-exact-two.npy", "spectra-exact-single.csv", "spectra-trained-two.csv",
            "dimension-vs-t.png" })
            Assert.True(File.Exists(_run.PathOf(file)), $"{file} missing");
        Assert.Contains("dimension-vs-t.png", outcome.Figures);
        foreach (string name in new[] { "exact-eigenvalues-ve", "exact-eigenvalues-vp", "score-matrix-svd" })
        {
            var claim = Assert.Single(outcome.Claims.Claims, c => c.Name == name);
            Assert.True(claim.Holds && claim.Checked, $"{name}: expected {claim.Expected}, measured {claim.Measured}");
        }
        Assert.Contains("process", outcome.Resolved.Keys);
        Assert.Equal(41, File.ReadAllLines(_run.PathOf("spectra-exact-two.csv")).Length - 1);
    }
}
