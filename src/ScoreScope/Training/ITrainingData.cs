using static TorchSharp.torch;

namespace ScoreScope.Training;

/// <summary>
/// Where a <see cref="Trainer"/> gets clean data x₀. Implementations must be deterministic functions of their
/// arguments so that a resumed run sees exactly the batches of an uninterrupted one.
/// </summary>
public interface ITrainingData
{
    /// <summary>The shape of one sample.</summary>
    long[] EventShape { get; }

    /// <summary>A short description for configs and logs.</summary>
    string Description { get; }

    /// <summary>
    /// The batch [batchSize, …EventShape] (float64) for training step <paramref name="step"/> (0-based).
    /// <paramref name="seed"/> is the run's data seed, for schemes derived statelessly from the step (per-epoch
    /// permutations); <paramref name="generator"/> is the run's data generator, saved and restored with checkpoints,
    /// for draws in sequence (fresh samples).
    /// </summary>
    Tensor Batch(long step, int batchSize, ulong seed, Generator generator);

    /// <summary>A held-out set of <paramref name="count"/> samples, drawn from <paramref name="generator"/>.</summary>
    Tensor HeldOut(int count, Generator generator);
}
