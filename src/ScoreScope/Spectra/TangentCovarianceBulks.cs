using ScoreScope.Data;

namespace ScoreScope.Spectra;

/// <summary>
/// The bulks [γ₋, γ₊] of the empirical tangent covariance of a random linear Gaussian manifold built from variance
/// blocks (<see cref="SubspaceGaussianDistribution.RandomFactor"/>), ascending: the Marchenko–Pastur support
/// σ²(1 ± √α)² for one block (α = m/D), the generalised MP support (c = m/D, weights w_k = m_k/m, variances τ_k = σ_k²)
/// for several (Ventura et al. 2024, arXiv 2410.05898, §6; docs/science/spectral-gaps.md §2.2–2.3).
/// </summary>
public static class TangentCovarianceBulks
{
    /// <summary>The bulks of <paramref name="blocks"/> in ambient dimension <paramref name="ambientDimension"/>.</summary>
    /// <exception cref="ArgumentException">No blocks, or more tangent directions than <paramref name="ambientDimension"/>.</exception>
    public static SpectralInterval[] Of(int ambientDimension, IReadOnlyList<VarianceBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        int m = blocks.Sum(b => b.Dimension);
        if (blocks.Count == 0 || m > ambientDimension)
            throw new ArgumentException($"expected at least one variance block with total dimension ≤ D = {ambientDimension}; got {blocks.Count} blocks of total dimension {m}", nameof(blocks));
        double ratio = (double)m / ambientDimension;
        if (blocks.Count == 1)
            return [MarchenkoPastur.Edges(ratio, blocks[0].StandardDeviation * blocks[0].StandardDeviation)];
        return GeneralizedMarchenkoPastur.Support(ratio,
            blocks.Select(b => (double)b.Dimension / m).ToArray(),
            blocks.Select(b => b.StandardDeviation * b.StandardDeviation).ToArray()).ToArray();
    }
}
