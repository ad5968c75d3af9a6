using ScoreScope.Scores;
using static TorchSharp.torch;

namespace ScoreScope.Training;

/// <summary>
/// A training objective for a <see cref="ScoreModel"/>: an object holding only hyperparameters that returns per-sample
/// losses (EDM's loss classes, Karras et al. 2022); the trainer reduces them.
/// </summary>
public interface IScoreMatchingLoss
{
    /// <summary>The distribution of training times.</summary>
    TimeSampling Times { get; }

    /// <summary>A short description for logs, e.g. "DSM(λ = b^2, Uniform[0.001, 1])".</summary>
    string Description { get; }

    /// <summary>
    /// Per-sample losses for a batch of clean data x₀ [B, …], drawing times and noise only from
    /// <paramref name="generator"/>. Never disposes x₀.
    /// </summary>
    LossSample PerSampleLoss(ScoreModel model, Tensor x0, Generator generator);
}
