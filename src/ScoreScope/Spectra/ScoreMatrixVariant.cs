namespace ScoreScope.Spectra;

/// <summary>How <see cref="ScoreMatrixSvd"/> forms the score matrix from orthogonal perturbations.</summary>
public enum ScoreMatrixVariant
{
    /// <summary>
    /// Rows (s(x + hZ_i) − s(x − hZ_i))/(2h) = Z_i Jᵀ + O(h²): the rank-one term s(x) cancels exactly, all D singular
    /// values are kept and multiplied by the noise variance b² (docs/science/spectral-gaps.md §1.4).
    /// </summary>
    Symmetrised,

    /// <summary>
    /// Rows s(x + hZ_i)/h as in Stanczuk et al. 2022 (arXiv 2212.12611) and the companion code: the largest singular
    /// value (the rank-one term s(x)) is dropped and the remaining D − 1 are divided by their maximum. Exact where s(x) = 0;
    /// elsewhere the rank-one term mixes with Jᵀ and one value of the spectrum is distorted (for the exact linear score
    /// at a data point, one tangent value is lost), so prefer <see cref="Symmetrised"/>.
    /// </summary>
    DropLeading,
}
