using static TorchSharp.torch;

namespace ScoreScope.Scores;

/// <summary>
/// A (time-dependent) score s(x, t) ≈ ∇ₓ log p_t(x) of the marginal of a forward process. Samplers and analyses only
/// ever see this interface; whether the score is exact or learned, and how a network is parametrised, is hidden.
/// </summary>
public interface IScoreFunction
{
    /// <summary>
    /// The score at a batch x of shape [B, …] at the common time t. Returns a fresh tensor of the shape and dtype of
    /// x; never disposes x.
    /// </summary>
    Tensor Score(Tensor x, double t);
}
