using ScoreScope.Numerics;
using ScoreScope.Scores;
using static TorchSharp.torch;

namespace ScoreScope.Training;

/// <summary>
/// Denoising score matching (Vincent 2011; Song &amp; Ermon 2019; Song et al. 2021, Eq. 7): with t from
/// <see cref="ScoreMatchingLoss.Times"/>, z ~ N(0, I) and x_t = a(t)·x₀ + b(t)·z, the per-sample loss is
/// ℓ = λ(t)·(1/D)·‖s_θ(x_t, t) + z/b(t)‖², D the event size. Its minimiser is the score of p_t.
/// </summary>
/// <remarks>
/// Because every parametrisation is affine, s = α·x + β·F, the loss is evaluated on the network output as
/// λβ²·(1/D)‖F − F*‖² with the exact target F* = (−z/b − α·x)/β computed in float64: for the noise parametrisation
/// and λ = b² this is exactly Ho et al.'s ε-loss (1/D)‖F − z‖², and for EDM with λ = b² it is EDM's F-loss up to the
/// factor λ(σ)c_out² (Karras et al. 2022, Eq. 8).
/// </remarks>
public sealed class DenoisingScoreMatchingLoss : ScoreMatchingLoss
{
    /// <summary>Creates the loss with a time distribution and a weighting λ(t).</summary>
    /// <param name="times">The distribution of training times.</param>
    /// <param name="weighting">λ(t).</param>
    /// <param name="antitheticNoise">
    /// Use antithetic pairs: the second half of a batch repeats the first half's x₀ and t with noise −z. The estimator
    /// stays unbiased, and at small b the O(1) noise terms of the two gradients cancel to first order in b, which is where
    /// denoising score matching is noisiest (a control-variate view of DSM; cf. Wang et al. 2020 and the antithetic
    /// projections of Song et al. 2019). Costs half of the distinct x₀ per batch.
    /// </param>
    public DenoisingScoreMatchingLoss(TimeSampling times, LossWeighting weighting, bool antitheticNoise = false)
        : base(times, weighting)
    {
        AntitheticNoise = antitheticNoise;
    }

    /// <summary>Whether batches use antithetic noise pairs (z, −z).</summary>
    public bool AntitheticNoise { get; }

    /// <inheritdoc/>
    public override string Description => $"DSM(λ = {Weighting}, {Times}{(AntitheticNoise ? ", antithetic" : "")})";

    /// <summary>As the base class, or with antithetic pairs (see the constructor) when <see cref="AntitheticNoise"/> is set.</summary>
    public override LossSample PerSampleLoss(ScoreModel model, Tensor x0, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(x0);
        long count = x0.shape[0];
        if (!AntitheticNoise || count < 2) return base.PerSampleLoss(model, x0, generator);
        using var scope = NewDisposeScope();
        long half = count / 2;
        var first = x0[TensorIndex.Slice(0, half)];
        var rest = x0[TensorIndex.Slice(2 * half, count)];           // the odd sample out, if any, gets its own draw
        var tHalf = Times.Sample(half + rest.shape[0], generator, x0.device);
        var zHalf = randn(new[] { half + rest.shape[0] }.Concat(x0.shape.Skip(1)).ToArray(), dtype: ScalarType.Float64, device: x0.device, generator: generator);
        var pairedTimes = cat(new[] { tHalf[TensorIndex.Slice(0, half)], tHalf }, 0);
        var pairedNoise = cat(new[] { zHalf[TensorIndex.Slice(0, half)], -zHalf }, 0);
        var pairedData = cat(new[] { first, first, rest }, 0);
        var pairedLoss = PerSampleLoss(model, pairedData, pairedTimes, pairedNoise);
        return new LossSample(pairedLoss.MoveToOuterDisposeScope(), pairedTimes.MoveToOuterDisposeScope());
    }

    /// <inheritdoc/>
    protected override Tensor PerSampleLoss(ScoreModel model, Tensor x0, Tensor t, Tensor z, Generator generator) =>
        PerSampleLoss(model, x0, t, z);

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
