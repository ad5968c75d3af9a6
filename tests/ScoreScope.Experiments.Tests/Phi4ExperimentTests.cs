using System.Globalization;
using ScoreScope.Experiments.Phi4;

namespace ScoreScope.Experiments.Tests;

/// <summary>
/// <see cref="Phi4Experiment"/> as a library call: a tiny run (L = 4, 4 chains × 8 configurations, 20 training steps,
/// 16 generated fields) writes every table and figure, each ensemble's row comes from its own samples, and the claims of
/// the quick preset are findings (not checked).
/// </summary>
public sealed class Phi4ExperimentTests : IDisposable
{
    readonly RunFolderFixture _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public void A_tiny_quick_run_writes_its_table_figures_and_unchecked_claims()
    {
        var experiment = new Phi4Experiment();
        var parameters = experiment.Quick with
        {
            Size = 4, Chains = 4, ConfigurationsPerChain = 8, Thermalisation = 10, Thinning = 1, BaseChannels = 8, TrainingSteps = 20,
            TrainBatchSize = 8, EulerMaruyamaSteps = 10, HeunSteps = 5, GeneratedSamples = 16, SamplingBatchSize = 16,
            CorrectionProposals = 8, CorrectionBatchSize = 8, CorrectionToleranceCheckProposals = 2,
        };

        var outcome = experiment.Run(parameters, new ExperimentContext(_run.Folder, NoProgress.Instance));

        foreach (string point in new[] { "broken", "symmetric" })
        {
            foreach (string file in new[] { $"observables-{point}.csv", $"hmc-{point}.npy", $"em-{point}.npy", $"heun-{point}.npy",
                $"snapshots-hmc-{point}.png", $"snapshots-em-{point}.png", $"histogram-phi-{point}.png", $"histogram-m-{point}.png",
                $"normalisation-{point}.txt", $"model-{point}/model.ckpt", $"backward-cumulants-{point}.csv", $"backward-cumulants-{point}.png" })
                Assert.True(File.Exists(_run.PathOf(file)), $"{file} missing");
            var rows = File.ReadAllLines(_run.PathOf($"observables-{point}.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(c => c[0]);
            // HMC and the model are measured on their own samples: their κ2 differ (they would coincide if the model row
            // were computed from the HMC data, as in the paper's notebook).
            Assert.NotEqual(rows["kappa2"][1], rows["kappa2"][4]);
            foreach (string observable in new[] { "kappa2", "|M|", "chi", "U" })
                Assert.True(double.IsFinite(double.Parse(rows[observable][4], CultureInfo.InvariantCulture)), $"{point} {observable}: model value not finite");
        }
        // 2 points × (κ2, κ4, κ6, |M|) of the Euler–Maruyama model, 2 points × (|M|, χ, U) of the corrected chain
        Assert.Equal(14, outcome.Claims.Claims.Count);
        Assert.Equal(6, outcome.Claims.Claims.Count(c => c.Name.Contains("Metropolis-corrected", StringComparison.Ordinal)));
        Assert.Equal(10, outcome.Tables[1].Rows.Count); // 2 points × HMC, EM, flow, corrected, reweighted
        foreach (string point in new[] { "broken", "symmetric" })
        {
            var correction = File.ReadAllLines(_run.PathOf($"correction-{point}.csv")).Select(l => l.Split(',')).ToDictionary(c => c[0]);
            double acceptance = double.Parse(correction["acceptance"][1], CultureInfo.InvariantCulture);
            Assert.InRange(acceptance, 0, 1);
            Assert.True(double.IsFinite(double.Parse(correction["chi"][7], CultureInfo.InvariantCulture)), $"{point}: corrected χ not finite");
        }
        Assert.All(outcome.Claims.Claims, c => Assert.False(c.Checked, $"{c.Name} must be a finding in the quick preset"));
        Assert.Equal(6, outcome.Tables[0].Rows.Count);
        Assert.True(File.Exists(_run.PathOf("checks.csv")));
    }
}
