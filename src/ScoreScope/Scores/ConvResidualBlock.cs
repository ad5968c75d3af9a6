using ScoreScope.Numerics;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ScoreScope.Scores;

/// <summary>
/// Residual block of <see cref="UNetScoreNetwork"/> (Ho et al. 2020, Appendix B): GroupNorm → SiLU → 3×3 conv →
/// + per-channel projection of the time embedding → GroupNorm → SiLU → 3×3 conv, plus a 1×1 skip when the channel
/// count changes. Convolutions pad circularly for periodic lattices, with zeros otherwise.
/// </summary>
sealed class ConvResidualBlock : nn.Module<Tensor, Tensor, Tensor>
{
    readonly GroupNorm firstNorm;
    readonly Conv2d firstConv;
    readonly Linear embedding;
    readonly GroupNorm secondNorm;
    readonly Conv2d secondConv;
    readonly Conv2d? skip;

    public ConvResidualBlock(int inChannels, int outChannels, int embeddingWidth, int groups, bool circular) : base(nameof(ConvResidualBlock))
    {
        var padding = circular ? PaddingModes.Circular : PaddingModes.Zeros;
        firstNorm = nn.GroupNorm(UNetScoreNetwork.GroupsFor(inChannels, groups), inChannels);
        firstConv = nn.Conv2d(inChannels, outChannels, 3, padding: 1, padding_mode: padding);
        embedding = nn.Linear(embeddingWidth, outChannels);
        secondNorm = nn.GroupNorm(UNetScoreNetwork.GroupsFor(outChannels, groups), outChannels);
        secondConv = nn.Conv2d(outChannels, outChannels, 3, padding: 1, padding_mode: padding);
        skip = inChannels == outChannels ? null : nn.Conv2d(inChannels, outChannels, 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor h, Tensor e)
    {
        using var scope = NewDisposeScope();
        var u = firstConv.forward(nn.functional.silu(firstNorm.forward(h)));
        u = u.Add(embedding.forward(e).unsqueeze(-1).unsqueeze(-1));
        u = secondConv.forward(nn.functional.silu(secondNorm.forward(u)));
        var shortcut = skip is null ? h : skip.forward(h);
        return (shortcut.Add(u)).MoveToOuterDisposeScope();
    }
}
