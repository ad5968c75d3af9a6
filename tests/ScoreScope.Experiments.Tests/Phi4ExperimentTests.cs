using System.Globalization;
using ScoreScope.Experiments.Phi4;

namespace ScoreScope.Experiments.Tests;

/// <summary>
/// <see cref="Phi4Experiment"/> as a library call: a tiny run (L = 4, 4 chains × 8 configurations, 20 training steps,
/// 16 generated fields) writes every table and figure for the VE model and the VP comparison model, each ensemble's row
/// comes from its own samples, and the claims of the quick preset are findings (not checked); <c>vp-model=false</c>
/// leaves the VP model out.
/// </summary>
public sealed class Phi4ExperimentTests : IDisposable
{
    readonly RunFolderFixture _run = new();

    public void Dispose() => _run.Dispose();

    static Phi4Settings Tiny(Phi4Experiment experiment) => experiment.Quick with
    {
        Size = 4, Chains = 4, ConfigurationsPerChain = 8, Thermalisation = 10, Thinning = 1, BaseChannels = 8, TrainingSteps = 20,
        TrainBatchSize = 8, EulerMaruyamaSteps = 10, HeunSteps = 5, GeneratedSamples = 16, SamplingBatchSize = 16,
        Correction = true, CorrectionProposals = 8, CorrectionBatchSize = 8, CorrectionToleranceCheckProposals = 2,
    };

    [Fact]
    public void A_tiny_quick_run_writes_its_table_figures_and_unchecked_claims_for_VE_and_VP()
    {
        var experiment = new Phi4Experiment();
        Assert.True(experiment.Quick.VpModel && experiment.Full.VpModel);
        Assert.True(experiment.Full.Correction && !experiment.Quick.Correction, "the correction stage is on in the full preset and off in the quick one");

        var outcome = experiment.Run(Tiny(experiment), new ExperimentContext(_run.Folder, NoProgress.Instance));

        foreach (string point in new[] { "broken", "symmetric" })
        {
            foreach (string file in new[] { $"observables-{point}.csv", $"hmc-{point}.npy", $"snapshots-hmc-{point}.png", $"histogram-phi-{point}.png",
                $"histogram-m-{point}.png", $"two-point-{point}.png", $"normalisation-{point}.txt" })
                Assert.True(File.Exists(_run.PathOf(file)), $"{file} missing");
            foreach (string tag in new[] { "", "vp-" })
            {
                foreach (string file in new[] { $"em-{tag}{point}.npy", $"heun-{tag}{point}.npy", $"snapshots-em-{tag}{point}.png",
                    $"snapshots-heun-{tag}{point}.png", $"model-{tag}{point}/model.ckpt", $"backward-cumulants-{tag}{point}.csv", $"backward-cumulants-{tag}{point}.png" })
                    Assert.True(File.Exists(_run.PathOf(file)), $"{file} missing");
            }
            var lines = File.ReadAllLines(_run.PathOf($"observables-{point}.csv"));
            var header = lines[0].Split(',');
            Assert.Equal(["observable", "hmc", "hmc_error", "hmc_tau_int", "euler_maruyama", "euler_maruyama_error", "heun", "heun_error",
                "vp_euler_maruyama", "vp_euler_maruyama_error", "vp_heun", "vp_heun_error"], header);
            var rows = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(c => c[0]);
            // HMC and the models are measured on their own samples: their κ2 differ (they would coincide if a model row
            // were computed from the HMC data, as in the paper's notebook), and so do VE's and VP's.
            Assert.NotEqual(rows["kappa2"][1], rows["kappa2"][4]);
            Assert.NotEqual(rows["kappa2"][1], rows["kappa2"][8]);
            Assert.NotEqual(rows["kappa2"][4], rows["kappa2"][8]);
            foreach (string observable in new[] { "kappa2", "kappa4", "|M|", "chi", "U" })
            {
                foreach (int column in new[] { 4, 5, 6, 7, 8, 9, 10, 11 })
                    Assert.True(double.IsFinite(double.Parse(rows[observable][column], CultureInfo.InvariantCulture)),
                        $"{point} {observable}: {header[column]} not finite");
            }
        }
        // 2 points × 2 models (VE, VP) × (κ2, κ4, κ6, |M|) of the Euler–Maruyama samples, 2 points × (|M|, χ, U) of the
        // corrected chain.
        Assert.Equal(22, outcome.Claims.Claims.Count);
        Assert.Equal(8, outcome.Claims.Claims.Count(c => c.Name.Contains(": VP Euler–Maruyama", StringComparison.Ordinal)));
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
        // Per point: HMC, VE Euler–Maruyama, VE Heun, VP Euler–Maruyama, VP Heun.
        var table = outcome.Tables[0];
        Assert.Equal(10, table.Rows.Count);
        Assert.Equal(["HMC", "VE Euler–Maruyama", "VE Heun", "VP Euler–Maruyama", "VP Heun"], table.Rows.Take(5).Select(r => r[1]));
        Assert.All(table.Rows.Where(r => r[1].StartsWith("VP", StringComparison.Ordinal)), r => Assert.DoesNotContain("NaN", string.Join(" ", r)));
        Assert.Contains("β_min = 0.1", outcome.Resolved["vp-process"], StringComparison.Ordinal);
        Assert.All(outcome.Figures, f => Assert.True(File.Exists(_run.PathOf(f)), $"{f} listed but missing"));
        Assert.True(File.Exists(_run.PathOf("checks.csv")));
    }

    [Fact]
    public void Vp_model_false_trains_only_the_papers_VE_model()
    {
        var experiment = new Phi4Experiment();

        var outcome = experiment.Run(Tiny(experiment) with { VpModel = false, TrainingSteps = 5, Correction = false },
            new ExperimentContext(_run.Folder, NoProgress.Instance));

        Assert.Equal(8, outcome.Claims.Claims.Count);
        Assert.Single(outcome.Tables);
        Assert.Equal(6, outcome.Tables[0].Rows.Count);
        Assert.StartsWith("off", outcome.Resolved["correction"], StringComparison.Ordinal);
        Assert.False(File.Exists(_run.PathOf("correction-broken.csv")));
        Assert.False(Directory.Exists(_run.PathOf("model-vp-broken")));
        Assert.Equal(8, File.ReadAllLines(_run.PathOf("observables-broken.csv"))[0].Split(',').Length);
        Assert.StartsWith("off", outcome.Resolved["vp-process"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vp-beta-min", "-0.1")]
    [InlineData("vp-beta-max", "0.1")]
    [InlineData("vp-beta-max", "0.05")]
    public void A_VP_schedule_that_is_not_increasing_or_not_finite_is_refused_naming_the_parameter(string name, string value)
    {
        var experiment = new Phi4Experiment();
        var e = Assert.Throws<ExperimentParameterException>(() => experiment.Validate(ParameterAssignment.Assign(experiment.Quick, name, value)));
        Assert.Equal(name, e.Parameter);
    }
}
