using ScoreScope.Numerics;
using ScoreScope.Scores;
using static TorchSharp.torch;

namespace ScoreScope.Training;

/// <summary>
/// The x̂₀ (conditional-expectation) loss: ℓ = w(t)·(1/D)·‖x̂₀_θ(x_t, t) − x₀‖² with x_t = a·x₀ + b·z, whose minimiser is
/// the posterior mean E[x₀ | x_t] and hence, by Tweedie's formula, the score (Karras et al. 2022, Eq. 2). It equals
/// denoising score matching with λ = w·b⁴/a².
/// </summary>
/// <remarks>
/// Evaluated on the network output: x̂₀ − x₀ = (b²β/a)(F − F*), so ℓ = w·(b²β/a)²·(1/D)‖F − F*‖².
/// </remarks>
public sealed class DenoiserLoss : ScoreMatchingLoss
{
    /// <summary>Creates the loss with a time distribution and a weighting w(t) of the squared denoising error.</summary>
    /// <remarks>The weighting w(t) multiplies ‖x̂₀ − x₀‖² (<see cref="ScoreMatchingLoss.Weighting"/>).</remarks>
    public DenoiserLoss(TimeSampling times, LossWeighting weighting) : base(times, weighting) { }

    /// <inheritdoc/>
    public override string Description => $"Denoiser(w = {Weighting}, {Times})";

    /// <inheritdoc/>
    protected override Tensor PerSampleLoss(ScoreModel model, Tensor x0, Tensor t, Tensor z, Generator generator) =>
        PerSampleLoss(model, x0, t, z);

    /// <summary>The per-sample loss [B] at given times t [B] and noise z (shape of x₀).</summary>
    public Tensor PerSampleLoss(ScoreModel model, Tensor x0, Tensor t, Tensor z)
    {
        using var scope = NewDisposeScope();
        var terms = DenoisingTerms.Compute(model, x0, t, z);
        var weight = DenoisingTerms.Weights(Weighting, t, terms.Coefficients, (w, a, b, beta) =>
        {
            double factor = b * b * beta / a;
            return w * factor * factor;
        });
        var squared = Shapes.SumEvent((terms.Output - terms.Target).square()) / Shapes.EventSize(x0);
        return (squared * weight).MoveToOuterDisposeScope();
    }
}
