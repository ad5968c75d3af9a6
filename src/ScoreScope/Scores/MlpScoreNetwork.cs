using ScoreScope.Numerics;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ScoreScope.Scores;

/// <summary>
/// A time-conditioned residual MLP for flat (or flattened) data: x → Linear → [pre-norm residual block with LayerNorm,
/// SiLU and an added time-embedding projection] × depth → LayerNorm → SiLU → Linear (zero-initialised) → reshape to x.
/// The noise condition c is embedded by a <see cref="TimeEmbedding"/> followed by a two-layer SiLU MLP
/// (Ho et al. 2020, Appendix B, with dense instead of convolutional layers).
/// </summary>
public sealed class MlpScoreNetwork : ScoreNetwork
{
    readonly TimeEmbedding timeEmbedding;
    readonly Linear embeddingFirst;
    readonly Linear embeddingSecond;
    readonly Linear input;
    readonly ModuleList<MlpResidualBlock> blocks;
    readonly LayerNorm outputNorm;
    readonly Linear output;
    readonly long[] _eventShape;
    readonly long _eventSize;

    /// <summary>Builds the network for samples of shape <paramref name="eventShape"/>, initialised from <paramref name="generator"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When a size in <paramref name="options"/> is not positive.</exception>
    public MlpScoreNetwork(long[] eventShape, MlpOptions options, Generator generator) : base(nameof(MlpScoreNetwork))
    {
        ArgumentNullException.ThrowIfNull(eventShape);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Width);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Depth);
        _eventShape = (long[])eventShape.Clone();
        _eventSize = eventShape.Aggregate(1L, (p, s) => p * s);
        if (_eventSize <= 0)
            throw new ArgumentOutOfRangeException(nameof(eventShape), Shapes.Format(eventShape), "The event shape must have positive size.");
        int width = options.Width;
        timeEmbedding = new TimeEmbedding(options.EmbeddingDimension, options.Embedding, options.EmbeddingScale, generator);
        embeddingFirst = nn.Linear(options.EmbeddingDimension, width);
        embeddingSecond = nn.Linear(width, width);
        input = nn.Linear(_eventSize, width);
        blocks = nn.ModuleList(Enumerable.Range(0, options.Depth).Select(_ => new MlpResidualBlock(width, width)).ToArray());
        outputNorm = nn.LayerNorm(width);
        output = nn.Linear(width, _eventSize);
        RegisterComponents();
        NetworkInitialisation.Reset(this, generator);
        NetworkInitialisation.Zero(output);
    }

    /// <inheritdoc/>
    public override long[] EventShape => (long[])_eventShape.Clone();

    /// <summary>F(x_in, c): x_in [B, …EventShape] float32, c [B]; returns float32 of the shape of x_in.</summary>
    /// <exception cref="ArgumentException">When the shapes of x_in and c do not match the network.</exception>
    public override Tensor forward(Tensor x, Tensor condition)
    {
        if (x.dim() != _eventShape.Length + 1 || !x.shape.Skip(1).SequenceEqual(_eventShape))
            throw new ArgumentException($"Expected a batch of shape [B, {string.Join(", ", _eventShape)}]; got {Shapes.Format(x)}.", nameof(x));
        if (condition.dim() != 1 || condition.shape[0] != x.shape[0])
            throw new ArgumentException($"The noise condition must have shape [{x.shape[0]}]; got {Shapes.Format(condition)}.", nameof(condition));
        using var scope = NewDisposeScope();
        var e = embeddingSecond.forward(nn.functional.silu(embeddingFirst.forward(timeEmbedding.forward(condition))));
        e = nn.functional.silu(e);
        var h = input.forward(x.reshape(x.shape[0], _eventSize));
        foreach (var block in blocks) h = block.forward(h, e);
        var y = output.forward(nn.functional.silu(outputNorm.forward(h)));
        return y.reshape(x.shape).MoveToOuterDisposeScope();
    }
}
