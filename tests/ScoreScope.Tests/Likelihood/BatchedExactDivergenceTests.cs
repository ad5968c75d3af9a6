using ScoreScope.Likelihood;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Scores;
using ScoreScope.Spectra;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Likelihood;

/// <summary>
/// The exact divergence of <see cref="ScoreDivergence"/> in replicated batches (B·V rows, one forward and one backward per
/// chunk) equals the trace of the full autograd Jacobian (<see cref="ScoreJacobians"/>) and the per-coordinate loop, for a
/// circular-padding lattice U-Net (the network of <c>reproduce phi4</c>) with random weights, in every chunking.
/// </summary>
public sealed class BatchedExactDivergenceTests
{
    const int Size = 4, Batch = 5;
    const double Time = 0.2;

    static ScoreModel LatticeUNet()
    {
        var config = new ScoreModelConfig([1, Size, Size], ForwardProcessSpec.VarianceExplodingDiffusionBase(25),
            new UNetOptions(BaseChannels: 4, ChannelMultipliers: [1, 2], Groups: 2, EmbeddingDimension: 8, CircularPadding: true),
            ParametrisationKind.Edm, SigmaData: 0.5);
        var model = ScoreModel.Create(config, seed: 11);
        using var generator = Seeds.Generator(12);
        using (no_grad())
        {
            // The output convolution starts at zero (the Jacobian of F would vanish): randomise every weight.
            foreach (var p in model.Network.parameters())
            {
                using var draw = randn(p.shape, generator: generator);
                p.copy_(draw.Multiply(0.3));
            }
        }
        return model;
    }

    /// <summary>tr ∇ₓs by the full Jacobian [B, V, V] of autograd, float64.</summary>
    static Tensor JacobianTrace(ScoreModel model, Tensor x)
    {
        var times = ScalarArithmetic.Full([x.shape[0]], Time, ScalarType.Float64);
        var jacobian = ScoreJacobians.Autograd(flat => model.Score(flat.reshape(x.shape), times).reshape(x.shape[0], -1), x.reshape(x.shape[0], -1));
        return jacobian.diagonal(0, 1, 2).sum(1);
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(7L)]
    [InlineData(16L)]
    [InlineData(4096L)]
    public void BatchedDivergenceEqualsTheJacobianTrace(long rows)
    {
        using var scope = NewDisposeScope();
        using var model = LatticeUNet();
        using var generator = Seeds.Generator(13);
        var x = randn([Batch, 1, Size, Size], dtype: ScalarType.Float64, generator: generator);
        var trace = JacobianTrace(model, x);
        var loop = ScoreDivergence.ExactByCoordinates(model, x, Time);
        var (score, divergence) = ScoreDivergence.ScoreAndExactDivergence(model, x, Time, rows);
        var batched = divergence.squeeze(1);
        double scale = trace.abs().max().item<double>();
        Assert.True(scale > 1, $"the network part of the divergence is not negligible (max |tr J| = {scale})");
        // The model's α·x part alone would give the same divergence at every point: the points must differ.
        Assert.True((trace - trace.mean()).abs().max().item<double>() > 1e-3 * scale);
        Assert.True((batched - trace).abs().max().item<double>() <= 1e-5 * scale, "batched divergence differs from the Jacobian trace");
        Assert.True((batched - loop).abs().max().item<double>() <= 1e-5 * scale);
        var expectedScore = model.Score(x, Time);
        Assert.True((score - expectedScore).abs().max().item<double>() <= 1e-12 * Math.Max(1, expectedScore.abs().max().item<double>()));
    }

    [Fact]
    public void ExactDivergenceUsesTheBatchedPathAndKeepsItsShape()
    {
        using var scope = NewDisposeScope();
        using var model = LatticeUNet();
        using var generator = Seeds.Generator(14);
        var x = randn([Batch, 1, Size, Size], dtype: ScalarType.Float64, generator: generator);
        var exact = ScoreDivergence.Exact(model, x, Time);
        Assert.Equal([Batch], exact.shape);
        Assert.Equal(ScalarType.Float64, exact.dtype);
        var trace = JacobianTrace(model, x);
        Assert.True((exact - trace).abs().max().item<double>() <= 1e-5 * trace.abs().max().item<double>());
    }
}
