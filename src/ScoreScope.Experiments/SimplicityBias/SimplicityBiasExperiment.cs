using System.Diagnostics;
using System.Globalization;
using System.Text;
using ScoreScope.Data;
using ScoreScope.Experiments.Plotting;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Scores;
using ScoreScope.SimplicityBias;
using static TorchSharp.torch;

namespace ScoreScope.Experiments.SimplicityBias;

/// <summary>
/// The distributional simplicity bias on images (Bardone, Merger &amp; Goldt 2026, arXiv 2603.12901, the natural-image
/// experiment; docs/science/simplicity-bias.md §4; issue 15, deliverable 7): a DDPM U-Net (T = 1000, linear β) trained
/// on the built-in MNIST subset, its ε-MSE at log-spaced checkpoints on test images, training images, the Gaussian clone
/// N(μ̂, Σ̂) and the mean clone N(μ̂, I) of the test split, at random t and at fixed t, with standard errors; the
/// clone/test ratio per t; image grids of the data, the clones and ancestral samples.
/// </summary>
public sealed class SimplicityBiasExperiment : Experiment<SimplicityBiasSettings>
{
    const int Side = MnistSubset.Side;

    /// <inheritdoc />
    public override string Name => "simplicity-bias";

    /// <inheritdoc />
    public override string Summary =>
        "DDPM U-Net on MNIST: ε-MSE at log-spaced checkpoints on test and training images and on the Gaussian (N(μ̂, Σ̂)) " +
        "and mean (N(μ̂, I)) clones, at random and fixed t; the clone/test ratio per t; sample grids.";

    /// <inheritdoc />
    public override PaperReference Paper { get; } = new(
        "L. Bardone, C. Merger, S. Goldt 2026: A theory of learning data statistics in diffusion models, from easy to hard", "2603.12901");

    /// <inheritdoc />
    public override IReadOnlyList<string> Stages { get; } =
    [
        "data: MNIST split into test and training images; Gaussian and mean clones of the test split; fixed evaluation draws",
        "train: Adam on the DDPM ε-loss, evaluating every (set, t) cell at log-spaced checkpoints",
        "report: losses and clone/test ratios (CSV, figures), claims, ancestral sample grid",
    ];

    /// <inheritdoc />
    public override SimplicityBiasSettings Full => SimplicityBiasSettings.Full;

    /// <inheritdoc />
    public override SimplicityBiasSettings Quick => SimplicityBiasSettings.QuickRun;

    /// <inheritdoc />
    protected override void ValidateOwn(SimplicityBiasSettings parameters)
    {
        ParameterChecks.AtLeast("train-images", parameters.TrainImages, 2);
        ParameterChecks.AtLeast("test-images", parameters.TestImages, 2);
        if (parameters.TrainImages + parameters.TestImages > MnistSubset.Count)
            throw new ExperimentParameterException("train-images", parameters.TrainImages.ToString(CultureInfo.InvariantCulture),
                $"an integer with train-images + test-images ≤ {MnistSubset.Count} (the built-in subset)");
        ParameterChecks.AtLeast("diffusion-steps", parameters.DiffusionSteps, 2);
        ParameterChecks.InLeftOpen("beta-start", parameters.BetaStart, 0, 0.5);
        ParameterChecks.InLeftOpen("beta-end", parameters.BetaEnd, parameters.BetaStart - 1e-300, 0.5);
        ParameterChecks.AtLeast("base-channels", parameters.BaseChannels, 1);
        if (parameters.ChannelMultipliers.Length is < 1 or > 3 || parameters.ChannelMultipliers.Any(m => m < 1))
            throw new ExperimentParameterException("channel-multipliers", string.Join(",", parameters.ChannelMultipliers),
                "1 to 3 positive integers (28 is divisible by 2^(levels − 1) only up to 3 levels)");
        if (parameters.EmbeddingDimension < 2 || parameters.EmbeddingDimension % 2 != 0)
            throw new ExperimentParameterException("embedding-dimension", parameters.EmbeddingDimension.ToString(CultureInfo.InvariantCulture), "an even integer ≥ 2");
        ParameterChecks.AtLeast("training-steps", parameters.TrainingSteps, 1);
        ParameterChecks.AtLeast("batch-size", parameters.BatchSize, 1);
        ParameterChecks.Positive("learning-rate", parameters.LearningRate);
        ParameterChecks.AtLeast("checkpoints", parameters.Checkpoints, 2);
        ParameterChecks.AtLeast("evaluation-images", parameters.EvaluationImages, 2);
        if (parameters.EvaluationImages > Math.Min(parameters.TrainImages, parameters.TestImages))
            throw new ExperimentParameterException("evaluation-images", parameters.EvaluationImages.ToString(CultureInfo.InvariantCulture),
                "an integer ≤ min(train-images, test-images)");
        if (parameters.FixedTimes.Length == 0 || parameters.FixedTimes.Any(t => t < 0 || t >= parameters.DiffusionSteps))
            throw new ExperimentParameterException("fixed-times", string.Join(",", parameters.FixedTimes),
                $"indices in 0 … {parameters.DiffusionSteps - 1} (diffusion-steps − 1), comma-separated");
        ParameterChecks.AtLeast("sample-images", parameters.SampleImages, 1);
    }

    /// <inheritdoc />
    protected override ExperimentOutcome RunValidated(SimplicityBiasSettings parameters, ExperimentContext context)
    {
        var watch = Stopwatch.StartNew();
        var c = CultureInfo.InvariantCulture;
        string folder = context.Folder;
        var schedule = new DdpmSchedule(parameters.DiffusionSteps, parameters.BetaStart, parameters.BetaEnd);
        var claims = new ClaimReport();
        var figures = new List<string>();

        context.Progress.Report("data: MNIST split, clones, evaluation draws");
        using var all = MnistSubset.Points();
        using var split = Seeds.Generator(Seeds.Derive(parameters.Seed, "split"));
        using var order = randperm(MnistSubset.Count, generator: split);
        using var testPoints = all.index_select(0, order.narrow(0, 0, parameters.TestImages));
        using var trainPoints = all.index_select(0, order.narrow(0, parameters.TestImages, parameters.TrainImages));
        using var gaussian = EmpiricalGaussianClone.FullCovariance(testPoints);
        using var meanClone = EmpiricalGaussianClone.IdentityCovariance(testPoints);
        using var train = Images(trainPoints);
        int e = parameters.EvaluationImages;
        using var cloneDraws = Seeds.Generator(Seeds.Derive(parameters.Seed, "clones"));
        using var gaussianPoints = gaussian.Sample(e, cloneDraws);
        using var meanPoints = meanClone.Sample(e, cloneDraws);
        Tensor[] sets = [Images(testPoints.narrow(0, 0, e)), Images(trainPoints.narrow(0, 0, e)), Images(gaussianPoints), Images(meanPoints)];
        int?[] modes = [null, .. parameters.FixedTimes.Select(t => (int?)t)];
        string[] modeNames = [.. modes.Select(m => m is int t ? string.Create(c, $"t{t}") : "random")];
        using var evaluationDraws = Seeds.Generator(Seeds.Derive(parameters.Seed, "evaluation"));
        using var evaluation = new CloneLossEvaluation(sets, modes, schedule, evaluationDraws);
        WriteGrid(folder, "data.png", sets[0], 32, figures);
        WriteGrid(folder, "gaussian-clone.png", sets[2], 32, figures);
        WriteGrid(folder, "mean-clone.png", sets[3], 32, figures);
        foreach (var set in sets) set.Dispose();

        var unet = new UNetOptions(BaseChannels: parameters.BaseChannels, ChannelMultipliers: parameters.ChannelMultipliers,
            EmbeddingDimension: parameters.EmbeddingDimension, Groups: Math.Min(8, parameters.BaseChannels));
        using var training = new DdpmImageTraining(train, schedule, unet, parameters.LearningRate, parameters.Seed);
        var grid = LogSpacedSteps.Grid(parameters.TrainingSteps, parameters.Checkpoints);
        var checkpoints = new List<(long Step, (double Mean, double StandardError)[] Losses, double Seconds)>();
        var trainClock = Stopwatch.StartNew();
        double evaluationSeconds = 0;
        void Checkpoint(long step)
        {
            var clock = Stopwatch.StartNew();
            var losses = evaluation.Evaluate(training.Network);
            evaluationSeconds += clock.Elapsed.TotalSeconds;
            checkpoints.Add((step, losses, trainClock.Elapsed.TotalSeconds));
            context.Progress.Report(string.Create(c, $"step {step}: random t test {losses[0].Mean:F4}, Gaussian clone {losses[2 * modes.Length].Mean:F4}, mean clone {losses[3 * modes.Length].Mean:F4}"));
        }
        context.Progress.Report(string.Create(c, $"train: {parameters.TrainingSteps} steps of {parameters.BatchSize}, {grid.Length} checkpoints"));
        Checkpoint(0);
        int next = 1;
        double lastLoss = double.NaN;
        for (int step = 1; step <= parameters.TrainingSteps; step++)
        {
            lastLoss = training.Step(parameters.BatchSize, step);
            if (next < grid.Length && grid[next] == step) { Checkpoint(step); next++; }
            if (step % 50 == 0) context.CancellationToken.ThrowIfCancellationRequested();
        }
        double trainingSeconds = trainClock.Elapsed.TotalSeconds - evaluationSeconds;

        context.Progress.Report(string.Create(c, $"ancestral sampling of {parameters.SampleImages} images ({parameters.DiffusionSteps} steps)"));
        using (var sampling = Seeds.Generator(Seeds.Derive(parameters.Seed, "sampling")))
        using (var samples = training.Sample(parameters.SampleImages, sampling))
            WriteGrid(folder, "samples.png", samples, parameters.SampleImages, figures);

        var ratios = SimplicityBiasReport.Write(folder, checkpoints.Select(p => (p.Step, p.Losses)).ToArray(), modeNames, figures);
        var notes = SimplicityBiasReport.Claims(claims, schedule, checkpoints.Select(p => (p.Step, p.Losses)).ToArray(), modes, modeNames, parameters.Quick);
        claims.Write(folder);
        notes.Add(string.Create(c, $"training {trainingSeconds:F1} s ({1000 * trainingSeconds / parameters.TrainingSteps:F1} ms per step of {parameters.BatchSize}), evaluation {evaluationSeconds:F1} s over {grid.Length} checkpoints, last batch loss {lastLoss:F4}; wall time {watch.Elapsed.TotalSeconds:F1} s"));
        var resolved = new Dictionary<string, string>
        {
            ["schedule"] = schedule.ToString(),
            ["network"] = string.Create(c, $"U-Net ε-predictor F(x_t, t/T): base {parameters.BaseChannels} channels, multipliers [{string.Join(", ", parameters.ChannelMultipliers)}], sinusoidal embedding {parameters.EmbeddingDimension}"),
            ["optimiser"] = string.Create(c, $"Adam, constant lr {parameters.LearningRate:G3}, batch {parameters.BatchSize} drawn with replacement, no EMA"),
            ["data"] = string.Create(c, $"built-in MNIST subset in [−1, 1]: {parameters.TestImages} test, {parameters.TrainImages} training images (random split)"),
            ["clones"] = "Gaussian N(μ̂, Σ̂) and mean N(μ̂, I) of the test split (eigendecomposition of Σ̂, negative eigenvalues set to 0)",
            ["evaluation"] = string.Create(c, $"{e} images per set and mode, noise drawn once; per-image ε-MSE (mean over pixels) ± SE over images"),
        };
        return new ExperimentOutcome(claims, [ratios], notes, resolved, figures);
    }

    static Tensor Images(Tensor points) => points.to_type(ScalarType.Float32).reshape(-1, 1, Side, Side);

    static void WriteGrid(string folder, string name, Tensor images, int count, List<string> figures)
    {
        using var scope = NewDisposeScope();
        long n = Math.Min(count, images.shape[0]);
        var values = images.narrow(0, 0, n).contiguous().to_type(ScalarType.Float32).data<float>().ToArray();
        ImageGridPlot.Write(Path.Combine(folder, name), values, Side, -1, 1);
        figures.Add(name);
    }
}
