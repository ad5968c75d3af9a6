using TorchSharp;
using static TorchSharp.torch;

namespace ScoreScope.Scores;

/// <summary>
/// Exact conversions between the score s, the noise ε and the denoiser x̂₀ at a point x = a·x₀ + b·z of a linear
/// forward process: s = −ε/b (Vincent 2011; Ho et al. 2020) and Tweedie's formula x̂₀ = E[x₀ | x] = (x + b²·s)/a,
/// i.e. s = −(x − a·x̂₀)/b² (Efron 2011, Eq. 2.8; docs/conventions.md, "Scores"). The one place in the library where
/// Tweedie's formula is written: exact distributions, samplers and losses call it.
/// Arithmetic in the dtype of the inputs; results are fresh tensors; inputs are never disposed.
/// </summary>
public static class ScoreConversions
{
    /// <summary>s = −ε/b.</summary>
    public static Tensor ScoreFromNoise(Tensor noise, double b)
    {
        ArgumentNullException.ThrowIfNull(noise);
        using var factor = (-1.0 / b).ToScalar();
        return noise.mul(factor);
    }

    /// <summary>ε = −b·s.</summary>
    public static Tensor NoiseFromScore(Tensor score, double b)
    {
        ArgumentNullException.ThrowIfNull(score);
        using var factor = (-b).ToScalar();
        return score.mul(factor);
    }

    /// <summary>Tweedie's formula solved for the score: s = (a·x̂₀ − x)/b².</summary>
    public static Tensor ScoreFromDenoiser(Tensor x, Tensor denoised, double a, double b)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(denoised);
        using var scope = NewDisposeScope();
        using var scale = a.ToScalar();
        using var one = 1.0.ToScalar();
        using var minusOne = (-1.0).ToScalar();
        using var precision = (1.0 / (b * b)).ToScalar();
        return denoised.mul(scale).add(x, minusOne).mul(precision).MoveToOuterDisposeScope();
    }

    /// <summary>Tweedie's formula: x̂₀ = E[x₀ | x] = (x + b²·s)/a.</summary>
    public static Tensor DenoiserFromScore(Tensor x, Tensor score, double a, double b)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(score);
        using var scope = NewDisposeScope();
        using var variance = (b * b).ToScalar();
        using var inverseScale = (1.0 / a).ToScalar();
        return x.add(score, variance).mul(inverseScale).MoveToOuterDisposeScope();
    }
}
