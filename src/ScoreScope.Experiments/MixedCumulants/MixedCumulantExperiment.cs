using System.Diagnostics;
using System.Globalization;

namespace ScoreScope.Experiments.MixedCumulants;

/// <summary>
/// The mixed cumulant model and teacher–student denoisers of Bardone, Merger &amp; Goldt 2026 (arXiv 2603.12901;
/// docs/science/simplicity-bias.md; issue 15, deliverable 7): (a) the Hermite expansion of the single-neuron excess
/// loss against the note's table and the information exponent k* with its sign per spike and latent law
/// (<see cref="HermiteTheoryStage"/>), (b) learning curves of the order parameters with seed bands
/// (<see cref="LearningCurveStage"/>) and the skip check s → δ on isotropic data, (c) the escape-time sweep against d with
/// fitted exponents (<see cref="SampleComplexityStage"/>).
/// </summary>
public sealed class MixedCumulantExperiment : Experiment<MixedCumulantSettings>
{
    /// <inheritdoc />
    public override string Name => "mcm";

    /// <inheritdoc />
    public override string Summary =>
        "Mixed cumulant model: Hermite terms of the single-neuron excess loss and the information exponent with its sign, " +
        "learning curves (overlaps, skip, loss on data vs Gaussian and mean clones), and escape time vs d with fitted exponents.";

    /// <inheritdoc />
    public override PaperReference Paper { get; } = new(
        "L. Bardone, C. Merger, S. Goldt 2026: A theory of learning data statistics in diffusion models, from easy to hard", "2603.12901");

    /// <inheritdoc />
    public override IReadOnlyList<string> Stages { get; } =
    [
        "(a) theory: Hermite terms αᵏφₖ/k! of Φ_s vs the table of docs/science/simplicity-bias.md §2; k* and its sign per spike and latent law",
        "(b) learning curves: overlaps, skip and test losses (data, Gaussian clone, mean clone) over seeds; skip → δ on N(0, I)",
        "(c) sample complexity: escape time vs d for the covariance spike, the independent and the correlated fourth-cumulant spike; γ ± SE",
    ];

    /// <inheritdoc />
    public override MixedCumulantSettings Full => MixedCumulantSettings.Full;

    /// <inheritdoc />
    public override MixedCumulantSettings Quick => MixedCumulantSettings.QuickRun;

    /// <inheritdoc />
    protected override void ValidateOwn(MixedCumulantSettings parameters)
    {
        ParameterChecks.Positive("time", parameters.Time);
        HermiteTheoryStage.Lookup(parameters.Activation);
        ParameterChecks.InLeftOpen("mixture-weight", parameters.MixtureWeight, 0, 0.5);
        ParameterChecks.Positive("covariance-spike-variance", parameters.CovarianceSpikeVariance);
        ParameterChecks.AtLeast("hidden-units", parameters.HiddenUnits, 1);
        ParameterChecks.Positive("pairwise-learning-rate", parameters.PairwiseLearningRate);
        ParameterChecks.Positive("quartic-learning-rate", parameters.QuarticLearningRate);
        ParameterChecks.InLeftOpen("escape-threshold", parameters.EscapeThreshold, 0, 1);
        ParameterChecks.AtLeast("curve-dimension", parameters.CurveDimension, 3);
        ParameterChecks.AtLeast("curve-seeds", parameters.CurveSeeds, 2);
        ParameterChecks.AtLeast("curve-pairwise-steps", parameters.CurvePairwiseSteps, 1);
        ParameterChecks.AtLeast("curve-quartic-steps", parameters.CurveQuarticSteps, 1);
        ParameterChecks.AtLeast("curve-test-size", parameters.CurveTestSize, 1);
        ParameterChecks.AtLeast("curve-log-points", parameters.CurveLogPoints, 2);
        Dimensions("sweep-pairwise-dimensions", parameters.SweepPairwiseDimensions);
        Dimensions("sweep-quartic-dimensions", parameters.SweepQuarticDimensions);
        ParameterChecks.AtLeast("sweep-seeds", parameters.SweepSeeds, 2);
        ParameterChecks.AtLeast("sweep-pairwise-budget", parameters.SweepPairwiseBudget, 1);
        ParameterChecks.AtLeast("sweep-quartic-budget", parameters.SweepQuarticBudget, 1);
        ParameterChecks.AtLeast("skip-dimension", parameters.SkipDimension, 3);
        ParameterChecks.AtLeast("skip-steps", parameters.SkipSteps, 1);
        ParameterChecks.AtLeast("skip-batch-size", parameters.SkipBatchSize, 1);
        ParameterChecks.Positive("skip-learning-rate", parameters.SkipLearningRate);
        ParameterChecks.AtLeast("skip-seeds", parameters.SkipSeeds, 2);
    }

    static void Dimensions(string name, int[] dimensions)
    {
        if (dimensions is null || dimensions.Distinct().Count() < 3 || dimensions.Any(d => d < 3))
            throw new ExperimentParameterException(name, dimensions is null ? "" : string.Join(",", dimensions),
                "at least three distinct dimensions ≥ 3, comma-separated (the mixed cumulant model needs d ≥ 3)");
    }

    /// <inheritdoc />
    protected override ExperimentOutcome RunValidated(MixedCumulantSettings parameters, ExperimentContext context)
    {
        var watch = Stopwatch.StartNew();
        var claims = new ClaimReport();
        var cases = MixedCumulantCase.All(parameters);
        context.Progress.Report("(a) Hermite terms and information exponents");
        var (hermite, exponents) = HermiteTheoryStage.Run(context.Folder, parameters, claims);
        var notes = new List<string>();
        context.Progress.Report("(b) skip check on N(0, I)");
        LearningCurveStage.SkipCheck(parameters, claims, notes);
        var (curves, figures, curveNotes) = LearningCurveStage.Run(context.Folder, parameters, cases, context.Progress, context.CancellationToken);
        notes.AddRange(curveNotes);
        var (sweep, sweepNotes) = SampleComplexityStage.Run(context.Folder, parameters, cases, claims, context.Progress, context.CancellationToken);
        notes.AddRange(sweepNotes);
        claims.Write(context.Folder);
        notes.Add(string.Create(CultureInfo.InvariantCulture, $"wall time {watch.Elapsed.TotalSeconds:F1} s"));
        var resolved = new Dictionary<string, string>
        {
            ["data"] = "coordinate-aligned MCM (DiffusionEasy2Hard data.py): v = e₀ (latent ν), u = e₁ (variance V), m = e₂ (mean shift 0 here); clones: Gaussian with the latent cross-covariance, mean clone trace-matched",
            ["denoiser"] = $"tied ε̂(x) = s·x + Σᵢ wᵢ g(c wᵢ·x), m = {parameters.HiddenUnits}, g = {parameters.Activation}, c = α/δ at t = {parameters.Time.ToString("G3", CultureInfo.InvariantCulture)}",
            ["optimiser"] = "spherical SGD (rows renormalised), one fresh sample per step; learning curves learn s from 1, the sweep holds s = δ; skip check: plain SGD",
            ["learning-rate"] = "η = η₀·d^{1 − k*/2}: η₀ = pairwise-learning-rate for k* = 2, quartic-learning-rate/d for k* = 4",
            ["cases"] = string.Join(" | ", cases.Select(p => $"{p.Name}: {p.Description}")),
        };
        return new ExperimentOutcome(claims, [hermite, exponents, curves, sweep], notes, resolved, [.. figures, "sweep.png"]);
    }
}
