using ScoreScope.Numerics;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ScoreScope.Scores;

/// <summary>
/// A time-conditioned 2-D convolutional U-Net for images or lattice fields [B, C, H, W] (Ronneberger et al. 2015 as
/// used by Ho et al. 2020): a 3×3 input convolution, per level <see cref="UNetOptions.BlocksPerLevel"/> residual
/// blocks with GroupNorm and SiLU, 2×2 average-pool downsampling, two middle blocks, a mirrored path with skip
/// concatenation and nearest-neighbour upsampling, and a zero-initialised 3×3 output convolution. The time embedding
/// is projected and added in every block.
/// </summary>
/// <remarks>
/// With <see cref="UNetOptions.CircularPadding"/> every convolution wraps around, so the network is equivariant under
/// periodic translations by multiples of 2^(levels − 1) pixels (pooling makes it only that coarse).
/// </remarks>
public sealed class UNetScoreNetwork : ScoreNetwork
{
    readonly TimeEmbedding timeEmbedding;
    readonly Linear embeddingFirst;
    readonly Linear embeddingSecond;
    readonly Conv2d input;
    readonly ModuleList<ConvResidualBlock> down;
    readonly ModuleList<ConvResidualBlock> middle;
    readonly ModuleList<ConvResidualBlock> up;
    readonly GroupNorm outputNorm;
    readonly Conv2d output;
    readonly long[] _eventShape;
    readonly int _levels;
    readonly int _blocksPerLevel;

    /// <summary>Builds the network for events [C, H, W], initialised from <paramref name="generator"/>.</summary>
    /// <exception cref="ArgumentException">
    /// When the event is not [C, H, W], H or W is not divisible by 2^(levels − 1), or a size is not positive.
    /// </exception>
    public UNetScoreNetwork(long[] eventShape, UNetOptions options, Generator generator) : base(nameof(UNetScoreNetwork))
    {
        ArgumentNullException.ThrowIfNull(eventShape);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(generator);
        var multipliers = options.ResolvedChannelMultipliers;
        if (eventShape.Length != 3 || eventShape.Any(s => s <= 0))
            throw new ArgumentException($"A U-Net needs events of shape [C, H, W]; got {Shapes.Format(eventShape)}.", nameof(eventShape));
        if (multipliers.Length == 0 || multipliers.Any(m => m <= 0))
            throw new ArgumentException($"Channel multipliers must be positive and non-empty; got [{string.Join(", ", multipliers)}].", nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.BaseChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.BlocksPerLevel);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Groups);
        _levels = multipliers.Length;
        long factor = 1L << (_levels - 1);
        if (eventShape[1] % factor != 0 || eventShape[2] % factor != 0)
            throw new ArgumentException(
                $"H and W of {Shapes.Format(eventShape)} must be divisible by 2^(levels − 1) = {factor} for {_levels} levels.", nameof(eventShape));
        _eventShape = (long[])eventShape.Clone();
        _blocksPerLevel = options.BlocksPerLevel;
        int channels = (int)eventShape[0];
        int width = options.BaseChannels * multipliers.Max();
        int groups = options.Groups;
        var padding = options.CircularPadding ? PaddingModes.Circular : PaddingModes.Zeros;

        timeEmbedding = new TimeEmbedding(options.EmbeddingDimension, options.Embedding, options.EmbeddingScale, generator);
        embeddingFirst = nn.Linear(options.EmbeddingDimension, width);
        embeddingSecond = nn.Linear(width, width);
        input = nn.Conv2d(channels, options.BaseChannels, 3, padding: 1, padding_mode: padding);

        var downBlocks = new List<ConvResidualBlock>();
        var skipChannels = new List<int>();
        int current = options.BaseChannels;
        for (int level = 0; level < _levels; level++)
        {
            int target = options.BaseChannels * multipliers[level];
            for (int b = 0; b < _blocksPerLevel; b++)
            {
                downBlocks.Add(new ConvResidualBlock(current, target, width, groups, options.CircularPadding));
                current = target;
            }
            skipChannels.Add(current);
        }
        down = nn.ModuleList(downBlocks.ToArray());
        middle = nn.ModuleList(
            new ConvResidualBlock(current, current, width, groups, options.CircularPadding),
            new ConvResidualBlock(current, current, width, groups, options.CircularPadding));
        var upBlocks = new List<ConvResidualBlock>();
        for (int level = _levels - 1; level >= 0; level--)
        {
            int target = options.BaseChannels * multipliers[level];
            for (int b = 0; b < _blocksPerLevel; b++)
            {
                int inChannels = b == 0 ? current + skipChannels[level] : current;
                upBlocks.Add(new ConvResidualBlock(inChannels, target, width, groups, options.CircularPadding));
                current = target;
            }
        }
        up = nn.ModuleList(upBlocks.ToArray());
        outputNorm = nn.GroupNorm(GroupsFor(current, groups), current);
        output = nn.Conv2d(current, channels, 3, padding: 1, padding_mode: padding);
        RegisterComponents();
        NetworkInitialisation.Reset(this, generator);
        NetworkInitialisation.Zero(output);
    }

    /// <inheritdoc/>
    public override long[] EventShape => (long[])_eventShape.Clone();

    /// <summary>F(x_in, c): x_in [B, C, H, W] float32, c [B]; returns float32 [B, C, H, W].</summary>
    /// <exception cref="ArgumentException">When the shapes of x_in and c do not match the network.</exception>
    public override Tensor forward(Tensor x, Tensor condition)
    {
        if (x.dim() != 4 || !x.shape.Skip(1).SequenceEqual(_eventShape))
            throw new ArgumentException($"Expected a batch of shape [B, {string.Join(", ", _eventShape)}]; got {Shapes.Format(x)}.", nameof(x));
        if (condition.dim() != 1 || condition.shape[0] != x.shape[0])
            throw new ArgumentException($"The noise condition must have shape [{x.shape[0]}]; got {Shapes.Format(condition)}.", nameof(condition));
        using var scope = NewDisposeScope();
        var e = nn.functional.silu(embeddingSecond.forward(nn.functional.silu(embeddingFirst.forward(timeEmbedding.forward(condition)))));
        var h = input.forward(x);
        var skips = new Stack<Tensor>();
        int index = 0;
        for (int level = 0; level < _levels; level++)
        {
            for (int b = 0; b < _blocksPerLevel; b++) h = down[index++].forward(h, e);
            skips.Push(h);
            if (level < _levels - 1) h = nn.functional.avg_pool2d(h, 2);
        }
        foreach (var block in middle) h = block.forward(h, e);
        index = 0;
        for (int level = _levels - 1; level >= 0; level--)
        {
            h = cat(new[] { h, skips.Pop() }, 1);
            for (int b = 0; b < _blocksPerLevel; b++) h = up[index++].forward(h, e);
            if (level > 0) h = nn.functional.interpolate(h, scale_factor: new[] { 2.0, 2.0 }, mode: InterpolationMode.Nearest);
        }
        var y = output.forward(nn.functional.silu(outputNorm.forward(h)));
        return y.MoveToOuterDisposeScope();
    }

    /// <summary>The largest group count ≤ <paramref name="groups"/> that divides <paramref name="channels"/>.</summary>
    internal static int GroupsFor(int channels, int groups)
    {
        for (int g = Math.Min(groups, channels); g > 1; g--)
        {
            if (channels % g == 0) return g;
        }
        return 1;
    }
}
