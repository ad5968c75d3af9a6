using static TorchSharp.torch;

namespace ScoreScope.Data;

/// <summary>
/// The support M of a singular data distribution: a d-dimensional submanifold (or finite point set, d = 0) of R^D.
/// Used to measure the small-time blow-up S(x,t) = (x − y_x)/t·(1 + o(1)) of Lu, Wang, Bal 2023 (arXiv 2301.07882,
/// main theorem), where y_x is the nearest point of M, and the "pollution" dist(x, M) of generated samples.
/// </summary>
public interface IManifold
{
    /// <summary>The ambient dimension D.</summary>
    int AmbientDimension { get; }

    /// <summary>The intrinsic dimension d (0 for a finite point set); the codimension is D − d.</summary>
    int IntrinsicDimension { get; }

    /// <summary>The Euclidean distance dist(x, M) for a batch x [B, D]; returns [B] float64.</summary>
    Tensor Distance(Tensor x);

    /// <summary>The nearest point y_x ∈ M for a batch x [B, D] (an arbitrary one where it is not unique); [B, D] float64.</summary>
    Tensor Project(Tensor x);

    /// <summary>The orthogonal projector onto the tangent space of M at y_x = Project(x), for a batch x [B, D]; [B, D, D].</summary>
    Tensor TangentProjector(Tensor x);
}
