using ScoreScope.Runs;
using System.Diagnostics;
using ScoreScope.Numerics;
using ScoreScope.Scores;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ScoreScope.Training;

/// <summary>
/// Trains a <see cref="ScoreModel"/>: Adam/AdamW with warm-up + cosine learning rate, gradient clipping, an EMA of the
/// weights, held-out evaluation (overall and per t-bucket), atomic checkpoints and exact resume. The library never
/// writes to the console: progress and metrics go to <see cref="OnProgress"/> and <see cref="OnMetrics"/>, and to
/// <c>metrics.csv</c> when a run directory is given.
/// </summary>
/// <remarks>
/// Exactness of resume: all randomness comes from two generators derived from <see cref="TrainingOptions.Seed"/> (data
/// and loss draws) whose states are saved; the learning rate and EMA decay are pure functions of the step; the weights,
/// EMA weights and Adam moments are saved bit for bit. Training K steps, stopping, resuming and training K more
/// reproduces 2K uninterrupted steps exactly on the same machine and thread count.
/// </remarks>
public sealed class Trainer : IDisposable
{
    /// <summary>The checkpoint file name in a run directory.</summary>
    public const string CheckpointFileName = "checkpoint.ckpt";

    /// <summary>The model file (EMA weights) written at completion.</summary>
    public const string ModelFileName = "model.ckpt";

    /// <summary>The metrics file.</summary>
    public const string MetricsFileName = "metrics.csv";

    readonly ITrainingData _data;
    readonly IScoreMatchingLoss _loss;
    readonly OptimizerHelper _optimizer;
    readonly Generator _dataGenerator;
    readonly Generator _lossGenerator;
    readonly ulong _dataSeed;
    readonly Parameter[] _parameters;
    readonly Parameter[] _emaParameters;
    readonly Tensor _heldOut;
    readonly WarmupCosineSchedule _schedule;
    readonly double[] _bucketEdges;
    readonly TimeBucketAccumulator _trainLosses;
    double _lastLearningRate;
    string? _lastCheckpointPath;
    int? _lastCheckpointStep;

    /// <summary>Creates a trainer for a new run. A null σ_data in <paramref name="model"/> is estimated from held-out data.</summary>
    /// <param name="model">The model to train.</param>
    /// <param name="options">The training options.</param>
    /// <param name="data">The data source.</param>
    /// <param name="loss">A loss object overriding <see cref="TrainingOptions.Loss"/> (e.g. with a custom weighting).</param>
    /// <param name="device">The device to train on (CPU when null).</param>
    /// <exception cref="ArgumentException">When options are invalid or the data's event shape differs from the model's.</exception>
    public Trainer(ScoreModelConfig model, TrainingOptions options, ITrainingData data, IScoreMatchingLoss? loss = null, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(data);
        options.Validate();
        options = options with { Loss = options.Loss with { Times = options.Loss.ResolvedTimes } };
        if (model.Network is UNetOptions { ChannelMultipliers: null } unet)
            model = model with { Network = unet with { ChannelMultipliers = unet.ResolvedChannelMultipliers } };
        if (!data.EventShape.SequenceEqual(model.EventShape))
            throw new ArgumentException(
                $"The data's event shape {Shapes.Format(data.EventShape)} differs from the model's {Shapes.Format(model.EventShape)}.", nameof(data));
        _data = data;
        _loss = loss ?? options.Loss.Build();
        Options = options;
        Device = device ?? CPU;

        using (var heldOutGenerator = Seeds.Generator(Seeds.Derive(options.Seed, "held-out")))
        {
            _heldOut = data.HeldOut(options.HeldOutSize, heldOutGenerator).to_type(ScalarType.Float64).to(Device).DetachFromDisposeScope();
        }
        if (model.SigmaData is null)
        {
            double sigmaData = _heldOut.std().item<double>();
            if (!(sigmaData > 0) || !double.IsFinite(sigmaData)) sigmaData = 1.0;
            model = model with { SigmaData = sigmaData };
        }
        ModelConfig = model;

        ulong initialisation = Seeds.Derive(options.Seed, "initialisation");
        Model = ScoreModel.Create(model, initialisation, Device);
        EmaModel = ScoreModel.Create(model, initialisation, Device);
        _parameters = Model.Network.parameters().ToArray();
        _emaParameters = EmaModel.Network.parameters().ToArray();
        foreach (var p in _emaParameters) p.requires_grad_(false);
        CheckpointState.CopyWeights(_parameters, _emaParameters);

        _optimizer = options.Optimizer == OptimizerKind.AdamW
            ? optim.AdamW(_parameters, options.LearningRate, options.Beta1, options.Beta2, options.AdamEpsilon, options.WeightDecay)
            : optim.Adam(_parameters, options.LearningRate, options.Beta1, options.Beta2, options.AdamEpsilon, options.WeightDecay);
        _dataSeed = Seeds.Derive(options.Seed, "data");
        _dataGenerator = Seeds.Generator(_dataSeed);
        _lossGenerator = Seeds.Generator(Seeds.Derive(options.Seed, "loss"));
        _schedule = new WarmupCosineSchedule(options.LearningRate, options.WarmupSteps, options.Steps, options.FinalLearningRateFraction);
        _bucketEdges = _loss.Times.BucketEdges(options.TimeBuckets);
        _trainLosses = new TimeBucketAccumulator(_bucketEdges);
    }

    /// <summary>Resumes a run from a checkpoint written by <see cref="SaveCheckpoint"/> (or by <see cref="Run"/>).</summary>
    /// <param name="checkpointPath">The checkpoint file.</param>
    /// <param name="data">The same data source as the original run.</param>
    /// <param name="loss">The same loss object, if the original run used a custom one.</param>
    /// <param name="device">The device to train on.</param>
    /// <exception cref="InvalidDataException">When the file is not a training checkpoint.</exception>
    /// <exception cref="ArgumentException">When the loss differs from the one the checkpoint was trained with.</exception>
    public static Trainer Resume(string checkpointPath, ITrainingData data, IScoreMatchingLoss? loss = null, Device? device = null)
    {
        using var stream = File.Exists(checkpointPath)
            ? File.OpenRead(checkpointPath)
            : throw new FileNotFoundException($"Checkpoint '{checkpointPath}' does not exist.", checkpointPath);
        using var reader = new BinaryReader(stream);
        using var ema = ScoreModelFile.Read(reader, checkpointPath, device, out bool hasTrainingState);
        if (!hasTrainingState)
            throw new InvalidDataException($"'{checkpointPath}' is a model file without training state; resume needs a checkpoint.");
        try
        {
            if (reader.ReadString() != CheckpointState.Marker)
                throw new InvalidDataException($"'{checkpointPath}' has an unknown training-state format.");
            var run = TrainingJson.Deserialize<TrainingRunConfig>(reader.ReadString());
            var trainer = new Trainer(run.Model, run.Training, data, loss, device);
            try
            {
                if (trainer._loss.Description != run.Loss)
                    throw new ArgumentException(
                        $"The checkpoint was trained with {run.Loss}, but the resumed run uses {trainer._loss.Description}.", nameof(loss));
                trainer.Step = reader.ReadInt32();
                trainer.Model.Network.load(reader);
                trainer._optimizer.load_state_dict(reader);
                CheckpointState.ReadGenerator(reader, trainer._lossGenerator);
                CheckpointState.ReadGenerator(reader, trainer._dataGenerator);
                CheckpointState.CopyWeights(ema.Network.parameters().ToArray(), trainer._emaParameters);
                trainer._lastLearningRate = trainer._schedule.At(Math.Max(0, trainer.Step - 1));
                trainer._lastCheckpointPath = Path.GetFullPath(checkpointPath);
                trainer._lastCheckpointStep = trainer.Step;
                return trainer;
            }
            catch
            {
                trainer.Dispose();
                throw;
            }
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"Checkpoint '{checkpointPath}' is truncated.", e);
        }
    }

    /// <summary>The model config (σ_data resolved).</summary>
    public ScoreModelConfig ModelConfig { get; }

    /// <summary>The training options.</summary>
    public TrainingOptions Options { get; }

    /// <summary>The device.</summary>
    public Device Device { get; }

    /// <summary>Completed steps.</summary>
    public int Step { get; private set; }

    /// <summary>The model with the current weights (owned by the trainer).</summary>
    public ScoreModel Model { get; }

    /// <summary>The model with the EMA weights (owned by the trainer); the one to sample with.</summary>
    public ScoreModel EmaModel { get; }

    /// <summary>The loss being minimised.</summary>
    public IScoreMatchingLoss Loss => _loss;

    /// <summary>The resolved run configuration stored in checkpoints.</summary>
    public TrainingRunConfig RunConfig => new(ModelConfig, Options, _data.Description, _loss.Description, ScoreScopeInfo.Version);

    /// <summary>Called after every step (on the training thread; keep it cheap).</summary>
    public Action<TrainingProgress>? OnProgress { get; set; }

    /// <summary>Called with every metrics row (every <see cref="TrainingOptions.EvaluateEvery"/> steps and at the end).</summary>
    public Action<TrainingMetrics>? OnMetrics { get; set; }

    /// <summary>
    /// Trains until the step budget (or <paramref name="stopAtStep"/>, or cancellation). With a run directory, writes
    /// <c>metrics.csv</c>, a checkpoint every <see cref="TrainingOptions.CheckpointEvery"/> steps and when stopping, and
    /// <c>model.ckpt</c> (EMA weights) on completion.
    /// </summary>
    /// <exception cref="NonFiniteLossException">When a loss is NaN or infinite; names the step and the last checkpoint.</exception>
    public TrainingResult Run(string? runDirectory = null, int? stopAtStep = null, CancellationToken cancellationToken = default)
    {
        int target = Math.Min(Options.Steps, stopAtStep ?? Options.Steps);
        string? checkpointPath = runDirectory is null ? null : Path.GetFullPath(Path.Combine(runDirectory, CheckpointFileName));
        var csv = runDirectory is null ? null : new MetricsCsvWriter(Path.Combine(runDirectory, MetricsFileName), _bucketEdges, Step);
        var watch = Stopwatch.StartNew();
        int startStep = Step;
        double smoothed = double.NaN;
        TrainingMetrics? last = null;
        while (Step < target && !cancellationToken.IsCancellationRequested)
        {
            double loss = TrainStep();
            smoothed = double.IsNaN(smoothed) ? loss : 0.99 * smoothed + 0.01 * loss;
            double rate = (Step - startStep) / Math.Max(watch.Elapsed.TotalSeconds, 1e-9);
            OnProgress?.Invoke(new TrainingProgress(Step, Options.Steps, smoothed, _lastLearningRate, rate, watch.Elapsed,
                TimeSpan.FromSeconds((Options.Steps - Step) / Math.Max(rate, 1e-9))));
            if (Step % Options.EvaluateEvery == 0 || Step == target)
            {
                last = Evaluate(rate, watch.Elapsed);
                csv?.Append(last);
                OnMetrics?.Invoke(last);
            }
            if (checkpointPath is not null && (Options.CheckpointEvery > 0 && Step % Options.CheckpointEvery == 0 || Step == target))
                SaveCheckpoint(checkpointPath);
        }
        if (checkpointPath is not null && _lastCheckpointStep != Step) SaveCheckpoint(checkpointPath);
        bool completed = Step >= Options.Steps;
        string? modelPath = null;
        if (completed && runDirectory is not null)
        {
            modelPath = Path.GetFullPath(Path.Combine(runDirectory, ModelFileName));
            ScoreModelFile.Save(EmaModel, modelPath);
        }
        double stepsPerSecond = (Step - startStep) / Math.Max(watch.Elapsed.TotalSeconds, 1e-9);
        return new TrainingResult(Step, completed, last, stepsPerSecond, watch.Elapsed, _lastCheckpointPath, modelPath);
    }

    /// <summary>Writes a checkpoint atomically: EMA model block, run config, step, weights, optimizer state and RNG states.</summary>
    public void SaveCheckpoint(string path)
    {
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            ScoreModelFile.Write(writer, EmaModel, hasTrainingState: true);
            writer.Write(CheckpointState.Marker);
            writer.Write(TrainingJson.Serialize(RunConfig));
            writer.Write(Step);
            Model.Network.save(writer);
            _optimizer.save_state_dict(writer);
            CheckpointState.WriteGenerator(writer, _lossGenerator);
            CheckpointState.WriteGenerator(writer, _dataGenerator);
        });
        _lastCheckpointPath = Path.GetFullPath(path);
        _lastCheckpointStep = Step;
    }

    /// <summary>Evaluates the held-out loss of a model (per-sample losses at fixed, seeded times and noise).</summary>
    /// <returns>The mean and the per-bucket means (NaN for empty buckets).</returns>
    public (double Mean, double[] ByBucket) HeldOutLoss(ScoreModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var generator = Seeds.Generator(Seeds.Derive(Options.Seed, "held-out-loss"));
        var accumulator = new TimeBucketAccumulator(_bucketEdges);
        long n = _heldOut.shape[0];
        for (long start = 0; start < n; start += Options.BatchSize)
        {
            using var scope = NewDisposeScope();
            using var _ = no_grad();
            var chunk = _heldOut[TensorIndex.Slice(start, Math.Min(n, start + Options.BatchSize))];
            using var sample = _loss.PerSampleLoss(model, chunk, generator);
            accumulator.Add(sample.Loss.detach().to_type(ScalarType.Float64).cpu().data<double>().ToArray(), sample.Time.cpu().data<double>().ToArray());
        }
        return (accumulator.Mean, accumulator.MeanByBucket());
    }

    /// <summary>Disposes the models, optimizer, generators and held-out data.</summary>
    public void Dispose()
    {
        Model.Dispose();
        EmaModel.Dispose();
        _optimizer.Dispose();
        _dataGenerator.Dispose();
        _lossGenerator.Dispose();
        _heldOut.Dispose();
    }

    double TrainStep()
    {
        using var scope = NewDisposeScope();
        double learningRate = _schedule.At(Step);
        foreach (var group in _optimizer.ParamGroups) group.LearningRate = learningRate;
        var x0 = _data.Batch(Step, Options.BatchSize, _dataSeed, _dataGenerator);
        if (x0.dim() != ModelConfig.EventShape.Length + 1 || x0.shape[0] != Options.BatchSize || !x0.shape.Skip(1).SequenceEqual(ModelConfig.EventShape))
            throw new InvalidOperationException(
                $"The data returned a batch of shape {Shapes.Format(x0)} at step {Step + 1}; expected [{Options.BatchSize}, {string.Join(", ", ModelConfig.EventShape)}].");
        if (x0.device != Device) x0 = x0.to(Device);
        using var sample = _loss.PerSampleLoss(Model, x0, _lossGenerator);
        var mean = sample.Loss.mean();
        double value = mean.item<float>();
        if (!double.IsFinite(value)) throw new NonFiniteLossException(Step + 1, value, _lastCheckpointPath, _lastCheckpointStep);
        _optimizer.zero_grad();
        mean.backward();
        if (Options.GradientClipNorm > 0)
        {
            double norm = nn.utils.clip_grad_norm_(_parameters, Options.GradientClipNorm);
            if (!double.IsFinite(norm))
                throw new NonFiniteLossException(Step + 1, norm, _lastCheckpointPath, _lastCheckpointStep, "gradient norm");
        }
        _optimizer.step();
        Step++;
        UpdateEma();
        _lastLearningRate = learningRate;
        _trainLosses.Add(sample.Loss.detach().to_type(ScalarType.Float64).cpu().data<double>().ToArray(), sample.Time.cpu().data<double>().ToArray());
        return value;
    }

    void UpdateEma()
    {
        double decay = Math.Min(Options.EmaDecay, (1.0 + Step) / (10.0 + Step));
        using var _ = no_grad();
        for (int i = 0; i < _parameters.Length; i++) _emaParameters[i].mul_(decay).add_(_parameters[i], alpha: 1 - decay);
    }

    TrainingMetrics Evaluate(double stepsPerSecond, TimeSpan elapsed)
    {
        var (live, _) = HeldOutLoss(Model);
        var (ema, emaBuckets) = HeldOutLoss(EmaModel);
        var trainBuckets = _trainLosses.MeanByBucket();
        double train = _trainLosses.Mean;
        _trainLosses.Clear();
        return new TrainingMetrics(Step, _lastLearningRate, train, live, ema, _bucketEdges, trainBuckets, emaBuckets, stepsPerSecond, elapsed);
    }
}
