using ScoreScope.Data;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Scores;
using ScoreScope.Training;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Training;

/// <summary>Tiny models, options and data shared by the training tests (kept small so each test runs in seconds).</summary>
static class TrainingTestModels
{
    public static ScoreModelConfig TinyMlp(ParametrisationKind kind = ParametrisationKind.Edm,
        TimeEmbeddingKind embedding = TimeEmbeddingKind.Sinusoidal, int width = 32) =>
        new([2], ForwardProcessSpec.VariancePreservingLinear(), new MlpOptions(Width: width, Depth: 2, EmbeddingDimension: 16,
            Embedding: embedding, EmbeddingScale: embedding == TimeEmbeddingKind.GaussianFourier ? 4 : 100), kind);

    public static TrainingOptions TinyOptions(int steps) => new()
    {
        Steps = steps, BatchSize = 64, LearningRate = 1e-3, WarmupSteps = 10, EmaDecay = 0.99, Seed = 42,
        CheckpointEvery = 50, EvaluateEvery = 50, HeldOutSize = 256, TimeBuckets = 4,
    };

    public static string TemporaryDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "scorescope-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Gaussian-mixture data whose batch at one step is poisoned with NaN (fault injection).</summary>
    public sealed class PoisonedData(IDataDistribution inner, long poisonedStep) : ITrainingData
    {
        public long[] EventShape => inner.EventShape;

        public string Description => "poisoned";

        public Tensor Batch(long step, int batchSize, ulong seed, Generator generator)
        {
            var batch = inner.Sample(batchSize, generator);
            return step == poisonedStep ? batch.Multiply(double.NaN) : batch;
        }

        public Tensor HeldOut(int count, Generator generator) => inner.Sample(count, generator);
    }
}
