using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Scores;

/// <summary>
/// Exact conversions between the score s, the noise ε and the denoiser x̂₀ at a point x = a·x₀ + b·z of a linear
/// forward process: s = −ε/b (Vincent 2011; Ho et al. 2020) and s = −(x − a·x̂₀)/b² (Tweedie's formula, Efron 2011).
/// Arithmetic in the dtype of the inputs; results are fresh tensors.
/// </summary>
public static class ScoreConversions
{
    /// <summary>s = −ε/b.</summary>
    public static Tensor ScoreFromNoise(Tensor noise, double b) => noise.Multiply(-1.0 / b);

    /// <summary>ε = −b·s.</summary>
    public static Tensor NoiseFromScore(Tensor score, double b) => score.Multiply(-b);

    /// <summary>s = −(x − a·x̂₀)/b².</summary>
    public static Tensor ScoreFromDenoiser(Tensor x, Tensor denoised, double a, double b)
    {
        using var scope = NewDisposeScope();
        return ((denoised.Multiply(a) - x).Divide(b * b)).MoveToOuterDisposeScope();
    }

    /// <summary>x̂₀ = (x + b²·s)/a.</summary>
    public static Tensor DenoiserFromScore(Tensor x, Tensor score, double a, double b)
    {
        using var scope = NewDisposeScope();
        return (x.Add(score.Multiply(b * b)).Divide(a)).MoveToOuterDisposeScope();
    }
}
