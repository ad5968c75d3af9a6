using System.Globalization;

namespace ScoreScope.Experiments.Singular;

/// <summary>
/// Singular scores of data on manifolds and the bounded x̂₀ target (Lu, Wang, Bal 2023, arXiv 2301.07882;
/// docs/science/singular-scores.md; issue 6): oracle tables (<see cref="SingularOracleStage"/>), ε-, score- and x̂₀-parametrised MLPs
/// at equal budget with score error versus t and pollution (<see cref="SingularModelStage"/>), and a comparison table
/// (<see cref="SingularComparison"/>); every claim goes to checks.csv/json.
/// </summary>
public sealed class SingularExperiment : Experiment<SingularSettings>
{
    /// <inheritdoc />
    public override string Name => "singular";

    /// <inheritdoc />
    public override string Summary =>
        "Singular scores on manifolds: exact oracles on the circle and S², ε-/score- vs x̂₀-parametrised MLPs at equal " +
        "budget, score error down to τ = 1e-4, pollution dist(x, M) of samples.";

    /// <inheritdoc />
    public override PaperReference Paper { get; } = new(
        "Y. Lu, Z. Wang, G. Bal 2023: Mathematical analysis of singularities in the diffusion model under the submanifold assumption", "2301.07882");

    /// <inheritdoc />
    public override IReadOnlyList<string> Stages { get; } =
    [
        "(a) exact oracles (OU, β = 1): radial score along rays, codimension and intrinsic dimension, blow-up exponents, bounded x̂₀",
        "(b–d) one MLP per parametrisation (noise, score, data) on the circle and S²: score error vs τ, sampling, pollution",
        "(e) comparison table and the paper's hypotheses as findings",
    ];

    /// <inheritdoc />
    public override SingularSettings Full { get; } = new();

    /// <inheritdoc />
    public override SingularSettings Quick { get; } = SingularSettings.QuickVersion(new SingularSettings());

    /// <inheritdoc />
    protected override void ValidateOwn(SingularSettings parameters)
    {
        ParameterChecks.AtLeast("oracle-samples", parameters.OracleSamples, 100);
        ParameterChecks.Positive("time-scale", parameters.TimeScale);
        foreach (string name in parameters.Parametrisations)
        {
            if (name is not ("noise" or "score" or "data"))
                throw new ExperimentParameterException("parametrisations", string.Join(",", parameters.Parametrisations), "a comma-separated subset of noise, score, data (the parametrisation names of train --param; eps is noise, x0 is data)");
        }
        ParameterChecks.AtLeast("width", parameters.Width, 1);
        ParameterChecks.AtLeast("depth", parameters.Depth, 1);
        ParameterChecks.AtLeast("training-steps", parameters.TrainingSteps, 1);
        ParameterChecks.AtLeast("batch-size", parameters.BatchSize, 1);
        ParameterChecks.Positive("learning-rate", parameters.LearningRate);
        ParameterChecks.InLeftOpen("training-minimum-tau", parameters.TrainingMinimumTau, 0, parameters.TimeScale);
        ParameterChecks.InLeftOpen("error-minimum-tau", parameters.ErrorMinimumTau, 0, 1);
        ParameterChecks.AtLeast("error-times", parameters.ErrorTimes, 2);
        ParameterChecks.AtLeast("error-samples", parameters.ErrorSamples, 2);
        ParameterChecks.AtLeast("sampling-steps", parameters.SamplingSteps, 1);
        ParameterChecks.InLeftOpen("sampling-minimum-tau", parameters.SamplingMinimumTau, 0, parameters.TimeScale);
        ParameterChecks.AtLeast("sample-count", parameters.SampleCount, 10);
        ParameterChecks.Positive("tolerance", parameters.Tolerance);
        ParameterChecks.AtLeast("bootstrap-replicates", parameters.BootstrapReplicates, 2);
    }

    /// <inheritdoc />
    protected override ExperimentOutcome RunValidated(SingularSettings parameters, ExperimentContext context)
    {
        var claims = new ClaimReport();
        context.Progress.Report("(a) exact oracles (OU, β = 1)");
        SingularOracleStage.Run(context.Folder, parameters, claims);
        context.Progress.Report($"(b–d) training {parameters.Parametrisations.Length} parametrisations × 2 manifolds, {parameters.TrainingSteps} steps each");
        var rows = SingularModelStage.Run(context.Folder, parameters, context.Progress, context.CancellationToken);
        SingularComparison.Write(context.Folder, rows, parameters.TimeScale);
        var verdict = SingularComparison.AddClaims(claims, rows);
        claims.Write(context.Folder);
        var resolved = new Dictionary<string, string>
        {
            ["oracle-process"] = "OU β = 1: a = e^{-t/2}, b² = 1 − e^{-t}",
            ["model-process"] = string.Create(CultureInfo.InvariantCulture, $"OU β = {parameters.TimeScale} on t ∈ [0, 1] (τ = β·t)"),
            ["losses"] = "noise/score: DSM λ = b² (ε-loss, no antithetic pairs); data: denoiser loss w = a²/b² (= 1/(e^τ − 1)); identical pointwise",
            ["training-options"] = "models/<manifold>-<parametrisation>/training.json (full TrainingRunConfig; seed Derive(seed, train-<manifold>) shared by the parametrisations)",
            ["training-times"] = "log-uniform τ ∈ [training-minimum-tau, time-scale]",
            ["sampler"] = "Euler–Maruyama, TimeGrid.Geometric to sampling-minimum-tau; projection = x̂₀(x_{t_min}) (SamplingOptions.DenoiseFinal)",
        };
        return new ExperimentOutcome(claims, [SingularComparison.ToTable(rows)], verdict, resolved,
            ["score-error-circle.png", "score-error-sphere.png", "pollution-circle.png", "pollution-sphere.png"]);
    }
}
