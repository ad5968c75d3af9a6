namespace ScoreScope.Experiments.Spectra;

/// <summary>
/// Score-Jacobian spectra of linear Gaussian manifolds (Ventura et al. 2024, arXiv 2410.05898, §6–7; docs/science/spectral-gaps.md):
/// D = 100, d = 40 with one variance and with two blocks (20, σ 1), (20, σ 0.3). (a) exact score: normalised spectra
/// vs t with the random-matrix overlay, score-matrix SVD vs closed form, m̂ vs t; (b) an MLP trained on each manifold
/// (VE, σ ∈ [0.01, 50]): singular-value spectra by autograd at ≥ 30 times, m̂ vs t, measured vs predicted
/// t_max = √(ab); (c) plots. The work is done by <see cref="SpectraExperimentRun"/>; every claim goes to checks.csv/json.
/// </summary>
public sealed class SpectraExperiment : Experiment<SpectraExperimentSettings>
{
    /// <inheritdoc />
    public override string Name => "spectra";

    /// <inheritdoc />
    public override string Summary =>
        "Score-Jacobian spectra and spectral gaps of linear Gaussian manifolds: exact and trained-MLP spectra vs t, " +
        "dimension estimate, intermediate-gap t_max vs √(ab), plots and claims (quick: trained-model claims are findings).";

    /// <inheritdoc />
    public override PaperReference Paper { get; } = new(
        "E. Ventura, B. Achilli, G. Silvestri, C. Lucibello, L. Ambrogioni 2024: Manifolds, Random Matrices and Spectral Gaps: The geometric phases of generative diffusion",
        "2410.05898");

    /// <inheritdoc />
    public override IReadOnlyList<string> Stages { get; } =
    [
        "per manifold (two variances, single variance): exact spectra on the VE and VP grids, score-matrix SVD",
        "per manifold: MLP training, trained spectra by autograd, score and Jacobian errors, gap analysis and claims",
        "plots (spectra, dimension, gaps, phases) and metrics.json",
    ];

    /// <inheritdoc />
    public override SpectraExperimentSettings Full { get; } = new();

    /// <inheritdoc />
    public override SpectraExperimentSettings Quick { get; } = SpectraExperimentSettings.QuickVersion(new SpectraExperimentSettings());

    /// <inheritdoc />
    protected override void ValidateOwn(SpectraExperimentSettings parameters)
    {
        int largest = Math.Max(parameters.SingleVariance.Sum(b => b.Dimension), parameters.TwoVariances.Sum(b => b.Dimension));
        ParameterChecks.AtLeast("ambient-dimension", parameters.AmbientDimension, largest + 1);
        ParameterChecks.Positive("exact-min-variance", parameters.ExactMinVariance);
        ParameterChecks.InLeftOpen("exact-max-variance", parameters.ExactMaxVariance, parameters.ExactMinVariance, double.MaxValue);
        ParameterChecks.AtLeast("exact-times", parameters.ExactTimes, 2);
        ParameterChecks.AtLeast("svd-points", parameters.SvdPoints, 1);
        ParameterChecks.AtLeast("svd-times", parameters.SvdTimes, 1);
        ParameterChecks.Positive("trained-min-variance", parameters.TrainedMinVariance);
        ParameterChecks.InLeftOpen("trained-max-variance", parameters.TrainedMaxVariance, parameters.TrainedMinVariance, double.MaxValue);
        ParameterChecks.AtLeast("trained-times", parameters.TrainedTimes, 3);
        ParameterChecks.AtLeast("points", parameters.Points, 1);
        ParameterChecks.AtLeast("smallest-times", parameters.SmallestTimes, 1);
        ParameterChecks.InLeftOpen("spike-tolerance", parameters.SpikeTolerance, 0, 1);
        ParameterChecks.InLeftOpen("gap-threshold", parameters.GapThreshold, 0, 1);
        ParameterChecks.Positive("sigma-min", parameters.SigmaMin);
        ParameterChecks.InLeftOpen("sigma-max", parameters.SigmaMax, parameters.SigmaMin, double.MaxValue);
        ParameterChecks.AtLeast("training-steps", parameters.TrainingSteps, 1);
        ParameterChecks.AtLeast("batch-size", parameters.BatchSize, 1);
        ParameterChecks.Positive("learning-rate", parameters.LearningRate);
        ParameterChecks.InLeftOpen("training-minimum-time", parameters.TrainingMinimumTime, 0, 1);
        ParameterChecks.InLeftOpen("training-maximum-time", parameters.TrainingMaximumTime, parameters.TrainingMinimumTime, 1);
        ParameterChecks.AtLeast("width", parameters.Width, 1);
        ParameterChecks.AtLeast("depth", parameters.Depth, 1);
    }

    /// <inheritdoc />
    protected override ExperimentOutcome RunValidated(SpectraExperimentSettings parameters, ExperimentContext context)
    {
        var claims = new ClaimReport();
        var run = new SpectraExperimentRun(parameters, context.Folder, claims, context.Progress, context.CancellationToken);
        var resolved = run.Execute();
        claims.Write(context.Folder);
        var figures = Directory.EnumerateFiles(context.Folder, "*.png").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();
        return new ExperimentOutcome(claims, [], [], resolved, figures);
    }
}
