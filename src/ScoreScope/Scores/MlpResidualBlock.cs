using ScoreScope.Numerics;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ScoreScope.Scores;

/// <summary>
/// Pre-norm residual block of <see cref="MlpScoreNetwork"/>: h + W₂ SiLU(W₁ SiLU(LayerNorm(h)) + E e), where e is the
/// time embedding and E a per-block projection (the DDPM block of Ho et al. 2020 with dense layers).
/// </summary>
sealed class MlpResidualBlock : nn.Module<Tensor, Tensor, Tensor>
{
    readonly LayerNorm norm;
    readonly Linear first;
    readonly Linear embedding;
    readonly Linear second;

    public MlpResidualBlock(int width, int embeddingWidth) : base(nameof(MlpResidualBlock))
    {
        norm = nn.LayerNorm(width);
        first = nn.Linear(width, width);
        embedding = nn.Linear(embeddingWidth, width);
        second = nn.Linear(width, width);
        RegisterComponents();
    }

    public override Tensor forward(Tensor h, Tensor e)
    {
        using var scope = NewDisposeScope();
        var u = first.forward(nn.functional.silu(norm.forward(h))).Add(embedding.forward(e));
        return (h.Add(second.forward(nn.functional.silu(u)))).MoveToOuterDisposeScope();
    }
}
