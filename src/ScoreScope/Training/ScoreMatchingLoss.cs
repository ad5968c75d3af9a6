using ScoreScope.Scores;
using static TorchSharp.torch;

namespace ScoreScope.Training;

/// <summary>
/// The shared part of the score-matching losses: a time distribution and a weighting λ(t) checked once, and the draw
/// of a batch's times t ~ <see cref="Times"/> and noise z ~ N(0, I) (float64, shape of x₀), in that order, from the
/// caller's generator (EDM's loss classes hold only hyperparameters in the same way; Karras et al. 2022, §5).
/// Subclasses define the per-sample loss at given (x₀, t, z).
/// </summary>
public abstract class ScoreMatchingLoss : IScoreMatchingLoss
{
    /// <summary>Creates the loss with a time distribution and a weighting λ(t).</summary>
    /// <exception cref="ArgumentNullException">When either is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When the time distribution is invalid (<see cref="TimeSampling.Validate"/>).</exception>
    protected ScoreMatchingLoss(TimeSampling times, LossWeighting weighting)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(weighting);
        times.Validate();
        Times = times;
        Weighting = weighting;
    }

    /// <inheritdoc/>
    public TimeSampling Times { get; }

    /// <summary>The weighting λ(t) of the squared error.</summary>
    public LossWeighting Weighting { get; }

    /// <inheritdoc/>
    public abstract string Description { get; }

    /// <summary>
    /// Draws t [B] and z (shape of x₀, float64) from <paramref name="generator"/> and returns
    /// <see cref="PerSampleLoss(ScoreModel, Tensor, Tensor, Tensor, Generator)"/> with the times. Never disposes x₀.
    /// </summary>
    public virtual LossSample PerSampleLoss(ScoreModel model, Tensor x0, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(x0);
        ArgumentNullException.ThrowIfNull(generator);
        using var scope = NewDisposeScope();
        var t = Times.Sample(x0.shape[0], generator, x0.device);
        var z = randn(x0.shape, dtype: ScalarType.Float64, device: x0.device, generator: generator);
        var loss = PerSampleLoss(model, x0, t, z, generator);
        return new LossSample(loss.MoveToOuterDisposeScope(), t.MoveToOuterDisposeScope());
    }

    /// <summary>
    /// The per-sample loss [B] at drawn times t [B] and noise z; <paramref name="generator"/> is there for losses that
    /// draw more (the projections of sliced score matching), after t and z.
    /// </summary>
    protected abstract Tensor PerSampleLoss(ScoreModel model, Tensor x0, Tensor t, Tensor z, Generator generator);
}
