using ScoreScope.Numerics;
using ScoreScope.Scores;
using static TorchSharp.torch;

namespace ScoreScope.Training;

/// <summary>
/// Denoising score matching (Vincent 2011; Song &amp; Ermon 2019; Song et al. 2021, Eq. 7): with t from
/// <see cref="Times"/>, z ~ N(0, I) and x_t = a(t)·x₀ + b(t)·z, the per-sample loss is
/// ℓ = λ(t)·(1/D)·‖s_θ(x_t, t) + z/b(t)‖², D the event size. Its minimiser is the score of p_t.
/// </summary>
/// <remarks>
/// Because every parametrisation is affine, s = α·x + β·F, the loss is evaluated on the network output as
/// λβ²·(1/D)‖F − F*‖² with the exact target F* = (−z/b − α·x)/β computed in float64: for the noise parametrisation
/// and λ = b² this is exactly Ho et al.'s ε-loss (1/D)‖F − z‖², and for EDM with λ = b² it is EDM's F-loss up to the
/// factor λ(σ)c_out² (Karras et al. 2022, Eq. 8).
/// </remarks>
public sealed class DenoisingScoreMatchingLoss : IScoreMatchingLoss
{
    /// <summary>Creates the loss with a time distribution and a weighting λ(t).</summary>
    public DenoisingScoreMatchingLoss(TimeSampling times, LossWeighting weighting)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(weighting);
        times.Validate();
        Times = times;
        Weighting = weighting;
    }

    /// <inheritdoc/>
    public TimeSampling Times { get; }

    /// <summary>The weighting λ(t).</summary>
    public LossWeighting Weighting { get; }

    /// <inheritdoc/>
    public string Description => $"DSM(λ = {Weighting}, {Times})";

    /// <inheritdoc/>
    public LossSample PerSampleLoss(ScoreModel model, Tensor x0, Generator generator)
    {
        using var scope = NewDisposeScope();
        var t = Times.Sample(x0.shape[0], generator, x0.device);
        var z = randn(x0.shape, dtype: ScalarType.Float64, device: x0.device, generator: generator);
        var loss = PerSampleLoss(model, x0, t, z);
        return new LossSample(loss.MoveToOuterDisposeScope(), t.MoveToOuterDisposeScope());
    }

    /// <summary>The per-sample loss [B] at given times t [B] and noise z (shape of x₀): deterministic, for tests and evaluation.</summary>
    public Tensor PerSampleLoss(ScoreModel model, Tensor x0, Tensor t, Tensor z)
    {
        using var scope = NewDisposeScope();
        var terms = DenoisingTerms.Compute(model, x0, t, z);
        var weight = DenoisingTerms.Weights(Weighting, t, terms.Coefficients, (λ, a, b, beta) => λ * beta * beta);
        var squared = Shapes.SumEvent((terms.Output - terms.Target).square()) / Shapes.EventSize(x0);
        return (squared * weight).MoveToOuterDisposeScope();
    }
}
