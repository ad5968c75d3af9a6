using System.Diagnostics;
using System.Globalization;

namespace ScoreScope.Experiments.OperatorInformed;

/// <summary>
/// Operator-informed score matching (Shen, Wang, Riabiz, Oates, arXiv 2406.09084 v2; docs/science/operator-informed.md;
/// issue 16, deliverable 6): (a) the §5 oracle tables (<see cref="OracleTables"/>), (b) the 2-D toy comparison on the
/// torus of training-free OISM(high)/OISM(low), OISM(low)+NN, the warm-started and the plain network at equal budget
/// (<see cref="ToyComparison"/>), (c) RDKS sampling on S² of a von Mises–Fisher mixture (<see cref="SphereSampling"/>),
/// and (d) the variance the OISM control removes from DSM (<see cref="VarianceTable"/>); every claim goes to checks.csv/json.
/// </summary>
public sealed class OperatorInformedExperiment : Experiment<OperatorInformedSettings>
{
    /// <inheritdoc />
    public override string Name => "operator-informed";

    /// <inheritdoc />
    public override string Summary =>
        "Operator-informed score matching: §5 oracle tables (OU and circle), 2-D toy data on T² (OISM high/low, OISM+NN, " +
        "warm start, NN only at equal budget), RDKS on S², and the DSM variance the OISM control removes.";

    /// <inheritdoc />
    public override PaperReference Paper { get; } = new(
        "Z. Shen, H. Wang, M. Riabiz, C. J. Oates 2025: Operator-informed score matching for Markov diffusion models (v2)", "2406.09084");

    /// <inheritdoc />
    public override IReadOnlyList<string> Stages { get; } =
    [
        "(a) oracle tables: OU OISM Fisher error vs N and t (exact moments), circle OISM vs DKS vs K",
        "(b) 2-D toy data on T²: OISM(high), OISM(low), OISM(low)+NN, NN warm-started, NN only; Fisher error vs the wrapped law's score and held-out log-likelihood (probability-flow ODE)",
        "(c) RDKS sampling on S² of a von Mises–Fisher mixture",
        "(d) variance of the DSM target with and without the OISM control at small t",
    ];

    /// <inheritdoc />
    public override OperatorInformedSettings Full { get; } = new();

    /// <inheritdoc />
    public override OperatorInformedSettings Quick { get; } = OperatorInformedSettings.QuickVersion(new OperatorInformedSettings());

    /// <inheritdoc />
    protected override void ValidateOwn(OperatorInformedSettings parameters)
    {
        if (parameters.Datasets.Length == 0 || parameters.Datasets.Any(d => !TorusToyData.Names.Contains(d)))
            throw new ExperimentParameterException("datasets", string.Join(",", parameters.Datasets), "a comma-separated subset of 8gaussians, 2spirals, pinwheel");
        ParameterChecks.AtLeast("seeds", parameters.Seeds, 2);
        ParameterChecks.AtLeast("training-samples", parameters.TrainingSamples, 10);
        ParameterChecks.AtLeast("low-frequencies", parameters.LowFrequencies, 1);
        ParameterChecks.AtLeast("high-frequencies", parameters.HighFrequencies, 1);
        if (parameters.HighFrequencies > 16)
            throw new ExperimentParameterException("high-frequencies", parameters.HighFrequencies.ToString(CultureInfo.InvariantCulture), "an integer in [1, 16] (the full basis has (2K + 1)² − 1 functions)");
        ParameterChecks.AtLeast("training-steps", parameters.TrainingSteps, 1);
        ParameterChecks.AtLeast("warm-start-steps", parameters.WarmStartSteps, 0);
        if (parameters.WarmStartSteps > parameters.TrainingSteps)
            throw new ExperimentParameterException("warm-start-steps", parameters.WarmStartSteps.ToString(CultureInfo.InvariantCulture), $"an integer ≤ training-steps ({parameters.TrainingSteps})");
        ParameterChecks.AtLeast("batch-size", parameters.BatchSize, 1);
        ParameterChecks.AtLeast("width", parameters.Width, 1);
        ParameterChecks.AtLeast("depth", parameters.Depth, 1);
        ParameterChecks.Positive("learning-rate", parameters.LearningRate);
        ParameterChecks.Positive("minimum-time", parameters.MinimumTime);
        ParameterChecks.InLeftOpen("maximum-time", parameters.MaximumTime, parameters.MinimumTime, 10);
        ParameterChecks.AtLeast("evaluation-samples", parameters.EvaluationSamples, 10);
        ParameterChecks.AtLeast("reference-samples", parameters.ReferenceSamples, 10);
        ParameterChecks.AtLeast("likelihood-samples", parameters.LikelihoodSamples, 10);
        if (!(parameters.MaximumTime >= 0.1))
            throw new ExperimentParameterException("maximum-time", parameters.MaximumTime.ToString(CultureInfo.InvariantCulture), "a number ≥ 0.1 (the likelihood flow runs from t_min = 0.05 to T = maximum-time)");
        ParameterChecks.AtLeast("variance-samples", parameters.VarianceSamples, 100);
        ParameterChecks.AtLeast("sphere-data", parameters.SphereData, 3);
        ParameterChecks.AtLeast("sphere-samples", parameters.SphereSamples, 10);
        ParameterChecks.AtLeast("sphere-steps", parameters.SphereSteps, 1);
        ParameterChecks.InLeftOpen("sphere-minimum-time", parameters.SphereMinimumTime, 0, 1);
        ParameterChecks.Positive("concentration", parameters.Concentration);
    }

    /// <inheritdoc />
    protected override ExperimentOutcome RunValidated(OperatorInformedSettings parameters, ExperimentContext context)
    {
        var claims = new ClaimReport();
        var watch = Stopwatch.StartNew();
        context.Progress.Report("(a) oracle tables");
        var oracle = OracleTables.Run(context.Folder, claims);
        context.CancellationToken.ThrowIfCancellationRequested();
        context.Progress.Report("(d) DSM variance with and without the OISM control");
        var variance = VarianceTable.Run(context.Folder, parameters, claims);
        context.Progress.Report($"(b) toy data on T²: {parameters.Datasets.Length} data sets × {parameters.Seeds} repetitions × 3 networks of {parameters.TrainingSteps} steps");
        var (toy, toyLikelihood, toyFigures, notes) = ToyComparison.Run(context.Folder, parameters, claims, context.Progress, context.CancellationToken);
        context.Progress.Report("(c) RDKS on S²");
        var (sphere, sphereFigure) = SphereSampling.Run(context.Folder, parameters, claims, context.CancellationToken);
        claims.Write(context.Folder);
        notes.Add(string.Create(CultureInfo.InvariantCulture, $"wall time {watch.Elapsed.TotalSeconds:F1} s"));
        var resolved = new Dictionary<string, string>
        {
            ["ou-process"] = "dX = −X dt + √2 dW (generator f'' − x f', μ = N(0, 1))",
            ["torus-process"] = "Brownian motion with generator Δ on T² = (ℝ/2πℤ)²: x_t = x_0 + √(2t)·z mod 2π",
            ["oism-basis"] = "full trigonometric basis {cos k·x, sin k·x}, 0 < max|k_j| ≤ K (TorusFullBasisOism), empirical moments, no shrinkage",
            ["networks"] = "PeriodicMlpScoreNetwork (cos x, sin x input), s_θ = s̃_t + F/σ_t, c_t = ¼ ln t; DSM λ = σ_t², times uniform on 64 log-spaced t in [minimum-time, maximum-time]; Adam, 2% warm-up, cosine to 1%, clip 1",
            ["toy-likelihood"] = $"probability-flow ODE dx/dt = −s(x, t) on T² from t_min = {ToyLikelihood.MinimumTime} to T = maximum-time, exact divergence, Dormand–Prince rtol = atol = 1e-5; terminal density the heat-kernel KDE of the training sample at T (Fourier series); {parameters.LikelihoodSamples} held-out draws of the wrapped law at t_min",
            ["sphere-sampler"] = "geodesic Euler–Maruyama, geometric grid T = 3 → sphere-minimum-time, exact DKS score (SphereKernelSmoothingScore)",
        };
        return new ExperimentOutcome(claims, [oracle, toy, toyLikelihood, sphere, variance], notes, resolved,
            ["oracle-ou.png", .. toyFigures, sphereFigure, "variance.png"]);
    }
}
