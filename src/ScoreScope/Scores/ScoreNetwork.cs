using TorchSharp;
using static TorchSharp.torch;

namespace ScoreScope.Scores;

/// <summary>
/// A raw float32 network F(x_in, c) of a batch x_in [B, …EventShape] and a per-sample noise condition c [B], returning a
/// tensor of the shape of x_in. What F means (score, noise, clean data, EDM residual) is decided by the
/// <see cref="ScoreParametrisation"/> of the <see cref="ScoreModel"/> that owns it, never by the network.
/// </summary>
public abstract class ScoreNetwork : nn.Module<Tensor, Tensor, Tensor>
{
    /// <summary>Creates the module with a name.</summary>
    protected ScoreNetwork(string name) : base(name) { }

    /// <summary>The shape of one sample the network accepts, e.g. [2] or [1, 16, 16].</summary>
    public abstract long[] EventShape { get; }
}
