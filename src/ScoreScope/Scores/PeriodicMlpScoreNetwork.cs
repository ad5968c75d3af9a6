using ScoreScope.Numerics;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ScoreScope.Scores;

/// <summary>
/// A time-conditioned residual MLP for angles on the flat torus T^D: x [B, D] → (cos x, sin x) [B, 2D] → Linear →
/// [<see cref="MlpScoreNetwork"/>'s pre-norm residual block with the time-embedding projection] × depth → LayerNorm →
/// SiLU → Linear (zero-initialised) → [B, D]. The input map makes F 2π-periodic in every coordinate, so F is a function
/// on the torus whatever representative of x it is given.
/// </summary>
/// <remarks>
/// The periodic input embedding x ↦ (cos x, sin x) is the one Shen, Wang, Riabiz, Oates (2025), arXiv 2406.09084v2,
/// Appendix B.2 (rebuttal) uses for networks on truncated Brownian motion; docs/science/operator-informed.md §1.2. The
/// output layer starts at zero, so a fresh network outputs F ≡ 0.
/// </remarks>
public sealed class PeriodicMlpScoreNetwork : ScoreNetwork
{
    readonly TimeEmbedding timeEmbedding;
    readonly Linear embeddingFirst;
    readonly Linear embeddingSecond;
    readonly Linear input;
    readonly ModuleList<MlpResidualBlock> blocks;
    readonly LayerNorm outputNorm;
    readonly Linear output;
    readonly int _dimension;

    /// <summary>Builds the network for D angles, initialised from <paramref name="generator"/>.</summary>
    /// <param name="dimension">D ≥ 1.</param>
    /// <param name="options">Width, depth and time embedding (as for <see cref="MlpScoreNetwork"/>).</param>
    /// <param name="generator">The seeded generator of every initial weight.</param>
    /// <exception cref="ArgumentOutOfRangeException">When D or a size in <paramref name="options"/> is not positive.</exception>
    public PeriodicMlpScoreNetwork(int dimension, MlpOptions options, Generator generator) : base(nameof(PeriodicMlpScoreNetwork))
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Width);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Depth);
        _dimension = dimension;
        int width = options.Width;
        timeEmbedding = new TimeEmbedding(options.EmbeddingDimension, options.Embedding, options.EmbeddingScale, generator);
        embeddingFirst = nn.Linear(options.EmbeddingDimension, width);
        embeddingSecond = nn.Linear(width, width);
        input = nn.Linear(2 * dimension, width);
        blocks = nn.ModuleList(Enumerable.Range(0, options.Depth).Select(_ => new MlpResidualBlock(width, width)).ToArray());
        outputNorm = nn.LayerNorm(width);
        output = nn.Linear(width, dimension);
        RegisterComponents();
        NetworkInitialisation.Reset(this, generator);
        NetworkInitialisation.Zero(output);
    }

    /// <inheritdoc/>
    public override long[] EventShape => [_dimension];

    /// <summary>F(x, c): x [B, D] angles (any float dtype, any representative mod 2π), c [B]; returns float32 [B, D].</summary>
    /// <exception cref="ArgumentException">When the shapes of x and c do not match the network.</exception>
    public override Tensor forward(Tensor x, Tensor condition)
    {
        if (x.dim() != 2 || x.shape[1] != _dimension)
            throw new ArgumentException($"Expected a batch of shape [B, {_dimension}]; got {Shapes.Format(x)}.", nameof(x));
        if (condition.dim() != 1 || condition.shape[0] != x.shape[0])
            throw new ArgumentException($"The noise condition must have shape [{x.shape[0]}]; got {Shapes.Format(condition)}.", nameof(condition));
        using var scope = NewDisposeScope();
        var angles = x.to_type(ScalarType.Float32);
        var features = cat(new[] { angles.cos(), angles.sin() }, 1);
        var e = embeddingSecond.forward(nn.functional.silu(embeddingFirst.forward(timeEmbedding.forward(condition))));
        e = nn.functional.silu(e);
        var h = input.forward(features);
        foreach (var block in blocks) h = block.forward(h, e);
        return output.forward(nn.functional.silu(outputNorm.forward(h))).MoveToOuterDisposeScope();
    }
}
