namespace ScoreScope.Experiments.Cumulants;

/// <summary>
/// The exactly solvable toy model of Aarts et al. 2024 (arXiv 2410.21212, §3) end to end: forward tracking,
/// exact-score and trained backward runs under VE and VP with g = σ^t, the final cumulant table, plots and the claims
/// of issue 4 (<see cref="CumulantsToyClaims"/>). The work is done by <see cref="CumulantsToyRun"/>, the files by
/// <see cref="CumulantsToyReport"/>.
/// </summary>
public sealed class CumulantsToyExperiment : Experiment<CumulantsToySettings>
{
    /// <inheritdoc />
    public override string Name => "cumulants-toy";

    /// <inheritdoc />
    public override string Summary =>
        "Cumulants of the double-peak toy model (μ = 1, σ₀ = 0.25) along the forward and backward processes: VE and VP " +
        "with g = 10^t, exact-score and trained-MLP backward runs, final κ2..κ8 with bootstrap errors, plots.";

    /// <inheritdoc />
    public override PaperReference Paper { get; } = new(
        "G. Aarts, D. E. Habibi, L. Wang, K. Zhou 2024: On learning higher-order cumulants in diffusion models (toy model, §3)",
        "2410.21212");

    /// <inheritdoc />
    public override IReadOnlyList<string> Stages { get; } =
    [
        "data: toy samples",
        "forward-ve, forward-vp: cumulant tracks against the analytic law",
        "ve-exact, vp-exact: Euler–Maruyama with the exact score from the normal priors",
        "ve-train, vp-train, ve-trained, vp-trained: MLPs and their backward runs (samples reflected x → −x)",
        "report: claims, final cumulant table, plots, metrics.json",
    ];

    /// <inheritdoc />
    public override CumulantsToySettings Full => CumulantsToySettings.Full;

    /// <inheritdoc />
    public override CumulantsToySettings Quick => CumulantsToySettings.QuickRun;

    /// <inheritdoc />
    protected override void ValidateOwn(CumulantsToySettings parameters)
    {
        ParameterChecks.Positive("sigma", parameters.Sigma);
        ParameterChecks.AtLeast("samples", parameters.Samples, 2);
        ParameterChecks.AtLeast("exact-samples", parameters.ExactSamples, 2);
        ParameterChecks.AtLeast("trained-samples", parameters.TrainedSamples, 2);
        ParameterChecks.AtLeast("sampling-steps", parameters.SamplingSteps, 2);
        ParameterChecks.AtLeast("record-every", parameters.RecordEvery, 1);
        ParameterChecks.AtLeast("forward-intervals", parameters.ForwardIntervals, 1);
        ParameterChecks.AtLeast("training-steps", parameters.TrainingSteps, 2);
        ParameterChecks.AtLeast("train-batch-size", parameters.TrainBatchSize, 1);
        ParameterChecks.Positive("learning-rate", parameters.LearningRate);
        ParameterChecks.AtLeast("width", parameters.Width, 1);
        ParameterChecks.AtLeast("depth", parameters.Depth, 1);
        ParameterChecks.AtLeast("embedding-dimension", parameters.EmbeddingDimension, 2);
        ParameterChecks.AtLeast("bootstrap-replicates", parameters.BootstrapReplicates, 2);
        ParameterChecks.AtLeast("batch-size", parameters.BatchSize, 1);
    }

    /// <inheritdoc />
    protected override ExperimentOutcome RunValidated(CumulantsToySettings parameters, ExperimentContext context)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var run = new CumulantsToyRun(parameters, context.Progress);
        var runs = run.Run(context.Folder, context.CancellationToken);
        var (claims, table) = CumulantsToyReport.Write(context.Folder, run, runs, clock.Elapsed.TotalSeconds, enforceTrained: !parameters.Quick);
        var resolved = new Dictionary<string, string>
        {
            ["data"] = run.Toy.ToString(),
            ["ve"] = $"{run.VarianceExploding}",
            ["vp"] = $"{run.VariancePreserving}",
            ["sampler"] = $"Euler–Maruyama, {parameters.SamplingSteps} uniform steps from t = 1 to 0",
            ["cumulant-options"] = run.CumulantOptions.ToString(),
        };
        var figures = CumulantsToyReport.RunOrder.SelectMany(name => new[] { $"{name}-relative.png", $"{name}-tracks.png" }).ToArray();
        return new ExperimentOutcome(claims,
            [table.ToTable("final cumulants (bootstrap SE; % = deviation from the data distribution)")],
            CumulantsToyReport.Notes(runs), resolved, figures);
    }
}
