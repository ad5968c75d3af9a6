using ScoreScope.Numerics;
using ScoreScope.Scores;
using static TorchSharp.torch;

namespace ScoreScope.Spectra;

/// <summary>
/// The Jacobian-free spectrum of a score by the orthogonal-perturbation score matrix (Stanczuk et al. 2022, arXiv
/// 2212.12611, "normal bundle" estimator; docs/science/spectral-gaps.md §1.4): for a Haar-random orthogonal Z [D, D] and step h = b
/// (the noise scale), the scores at x ± hZ_i stacked as rows give Z Jᵀ, whose singular values are those of J. For the
/// exact linear score the normalised values are {1 (D − d times), t/(t + λ_i)} (oracle 4).
/// </summary>
public static class ScoreMatrixSvd
{
    /// <summary>
    /// Normalised singular values at each point of <paramref name="points"/> [B, D], ascending per point: [B, D] for
    /// <see cref="ScoreMatrixVariant.Symmetrised"/> (b² × singular values of the difference quotient), [B, D − 1] for
    /// <see cref="ScoreMatrixVariant.DropLeading"/> (leading value dropped, the rest divided by their maximum).
    /// </summary>
    /// <param name="score">The score function (evaluated on B·D or 2·B·D points at once).</param>
    /// <param name="points">The base points x [B, D].</param>
    /// <param name="t">The process time.</param>
    /// <param name="noiseScale">b(t): the perturbation step h and the normalisation b².</param>
    /// <param name="generator">The generator of the random orthogonal matrix (one per point).</param>
    /// <param name="variant">How the score matrix is formed.</param>
    /// <exception cref="ArgumentException">When points is not [B, D] or b ≤ 0.</exception>
    public static Tensor NormalisedSingularValues(IScoreFunction score, Tensor points, double t, double noiseScale,
        Generator generator, ScoreMatrixVariant variant = ScoreMatrixVariant.Symmetrised)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(generator);
        if (points.dim() != 2 || points.shape[0] < 1 || points.shape[1] < 2)
            throw new ArgumentException($"expected base points [B, D] with D ≥ 2; got {Shapes.Format(points)}.", nameof(points));
        if (!(noiseScale > 0) || !double.IsFinite(noiseScale))
            throw new ArgumentException($"the noise scale b must be finite and > 0; got {noiseScale}.", nameof(noiseScale));
        using var scope = NewDisposeScope();
        long count = points.shape[0], d = points.shape[1];
        var x = points.to_type(ScalarType.Float64).cpu();
        var z = RandomOrthogonal(count, d, generator);
        var steps = z.Multiply(noiseScale);
        var centre = x.unsqueeze(1);
        Tensor Scores(Tensor perturbed) => score.Score(perturbed.reshape(count * d, d), t).to_type(ScalarType.Float64).cpu().reshape(count, d, d);
        if (variant == ScoreMatrixVariant.Symmetrised)
        {
            var matrix = (Scores(centre.Add(steps)) - Scores(centre - steps)).Divide(2 * noiseScale);
            return (linalg.svdvals(matrix).flip(1).Multiply(noiseScale * noiseScale)).MoveToOuterDisposeScope();
        }
        var raw = Scores(centre.Add(steps)).Divide(noiseScale);
        var values = linalg.svdvals(raw)[.., 1..];
        return (values / values[.., 0..1]).flip(1).MoveToOuterDisposeScope();
    }

    /// <summary>B Haar-distributed orthogonal matrices [B, D, D]: QR of a Gaussian matrix with the signs of R's diagonal
    /// moved into Q (Mezzadri 2007).</summary>
    static Tensor RandomOrthogonal(long count, long d, Generator generator)
    {
        var g = randn([count, d, d], dtype: ScalarType.Float64, generator: generator);
        var (q, r) = linalg.qr(g);
        var signs = r.diagonal(0, 1, 2).sign();
        return q * signs.unsqueeze(1);
    }
}
