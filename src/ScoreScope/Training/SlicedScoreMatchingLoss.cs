using ScoreScope.Numerics;
using ScoreScope.Scores;
using static TorchSharp.torch;

namespace ScoreScope.Training;

/// <summary>
/// Sliced score matching with variance reduction (Song et al. 2019, "Sliced Score Matching", Eq. 8, SSM-VR), applied
/// to the noisy marginal p_t: ℓ = λ(t)·(1/D)·[vᵀ∇ₓ(vᵀs_θ(x_t, t)) + ½‖s_θ(x_t, t)‖²], averaged over
/// <see cref="Projections"/> Gaussian directions v. It needs no noise target, only samples of p_t, and equals
/// λ/(2D)·E‖s_θ − ∇log p_t‖² up to a constant; a reference objective (slower: one extra backward pass).
/// </summary>
public sealed class SlicedScoreMatchingLoss : ScoreMatchingLoss
{
    /// <summary>Creates the loss.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="projections"/> &lt; 1.</exception>
    public SlicedScoreMatchingLoss(TimeSampling times, LossWeighting weighting, int projections = 1)
        : base(times, weighting)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(projections);
        Projections = projections;
    }

    /// <summary>The number of random projections v per sample.</summary>
    public int Projections { get; }

    /// <inheritdoc/>
    public override string Description => $"SSM-VR(λ = {Weighting}, {Times}, {Projections} projection(s))";

    /// <summary>Draws the projections v [M, B, …] (float32) after t and z, then evaluates the loss.</summary>
    protected override Tensor PerSampleLoss(ScoreModel model, Tensor x0, Tensor t, Tensor z, Generator generator)
    {
        using var scope = NewDisposeScope();
        var v = randn(new[] { (long)Projections }.Concat(x0.shape).ToArray(), dtype: ScalarType.Float32, device: x0.device, generator: generator);
        return PerSampleLoss(model, x0, t, z, v).MoveToOuterDisposeScope();
    }

    /// <summary>The per-sample loss [B] at given times t [B], noise z and projections v [M, B, …].</summary>
    public Tensor PerSampleLoss(ScoreModel model, Tensor x0, Tensor t, Tensor z, Tensor v)
    {
        using var scope = NewDisposeScope();
        using var grad = enable_grad();
        using var c = model.Coefficients(t);
        long rank = x0.dim();
        var xt = (x0.to_type(ScalarType.Float64) * Shapes.AppendDims(c.A, rank) + z.to_type(ScalarType.Float64) * Shapes.AppendDims(c.B, rank))
            .to_type(ScalarType.Float32).detach().requires_grad_(true);
        var f = model.NetworkOutput(xt, c);
        var s = xt * Shapes.AppendDims(c.ScoreFromInput, rank).to_type(ScalarType.Float32)
              + f * Shapes.AppendDims(c.ScoreFromOutput, rank).to_type(ScalarType.Float32);
        var trace = zeros(new[] { x0.shape[0] }, dtype: ScalarType.Float32, device: x0.device);
        for (int m = 0; m < Projections; m++)
        {
            var vm = v[m];
            var projected = Shapes.SumEvent(s * vm);
            var gradient = autograd.grad(new[] { projected.sum() }, new[] { xt }, create_graph: true)[0];
            trace = trace + Shapes.SumEvent(gradient * vm);
        }
        var perSample = (trace / Projections + Shapes.SumEvent(s.square()) * 0.5) / Shapes.EventSize(x0);
        var weight = DenoisingTerms.Weights(Weighting, t, c, (λ, _, _, _) => λ);
        return (perSample * weight).MoveToOuterDisposeScope();
    }
}
