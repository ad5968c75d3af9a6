using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Spectra;

/// <summary>
/// Normalised spectra of score Jacobians (docs/science/spectral-gaps.md §1.3, §2.2): the eigenvalues of the symmetric part of b²J
/// and the singular values of b²J, where b² is the noise variance of x_t = a x₀ + b z. For the exact score of a linear
/// Gaussian manifold the eigenvalues are −1 (orthogonal directions) and −t/(t + λ_i), t = b²/a², all in [−1, 0]; the
/// singular values are their magnitudes, in [0, 1].
/// </summary>
public static class JacobianSpectrum
{
    /// <summary>Eigenvalues of b²(J + Jᵀ)/2 for Jacobians [B, D, D], ascending per point, float64 [B, D].</summary>
    /// <exception cref="ArgumentException">When the Jacobians are not [B, D, D] or b² ≤ 0.</exception>
    public static Tensor NormalisedEigenvalues(Tensor jacobians, double noiseVariance)
    {
        Check(jacobians, noiseVariance);
        using var scope = NewDisposeScope();
        var j = jacobians.to_type(ScalarType.Float64);
        var symmetric = j.Add(j.transpose(1, 2)).Multiply(0.5 * noiseVariance);
        return linalg.eigvalsh(symmetric).MoveToOuterDisposeScope();
    }

    /// <summary>Singular values of b²J for Jacobians [B, D, D], ascending per point, float64 [B, D].</summary>
    /// <exception cref="ArgumentException">When the Jacobians are not [B, D, D] or b² ≤ 0.</exception>
    public static Tensor NormalisedSingularValues(Tensor jacobians, double noiseVariance)
    {
        Check(jacobians, noiseVariance);
        using var scope = NewDisposeScope();
        var s = linalg.svdvals(jacobians.to_type(ScalarType.Float64).Multiply(noiseVariance));
        return s.flip(1).MoveToOuterDisposeScope();
    }

    static void Check(Tensor jacobians, double noiseVariance)
    {
        ArgumentNullException.ThrowIfNull(jacobians);
        if (jacobians.dim() != 3 || jacobians.shape[1] != jacobians.shape[2])
            throw new ArgumentException($"expected Jacobians [B, D, D]; got {Shapes.Format(jacobians)}.", nameof(jacobians));
        if (!(noiseVariance > 0) || !double.IsFinite(noiseVariance))
            throw new ArgumentException($"the noise variance b² must be finite and > 0; got {noiseVariance}.", nameof(noiseVariance));
    }
}
