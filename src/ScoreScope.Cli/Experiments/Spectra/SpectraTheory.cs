using ScoreScope.Data;
using ScoreScope.Spectra;

namespace ScoreScope.Cli.Experiments.Spectra;

/// <summary>
/// The random-matrix predictions used by the spectra experiment, in one place (the theory itself lives in
/// <see cref="ScoreScope.Spectra"/>): Marchenko–Pastur and generalised MP edges of the tangent covariance, the manifold
/// and intermediate gaps, the time of maximal visibility and the phase labels (docs/science/spectral-gaps.md §2.2–2.3, §3, §5).
/// </summary>
internal static class SpectraTheory
{
    /// <summary>The tangent covariance bulks [γ₋, γ₊] of the blocks, ascending: Marchenko–Pastur σ²(1 ± √α)² for one
    /// block (α = m/D), the generalised MP support (c = m/D, w_k = m_k/m, τ_k = σ_k²) for several.</summary>
    public static SpectralInterval[] Bulks(int ambientDimension, IReadOnlyList<VarianceBlock> blocks)
    {
        int m = blocks.Sum(b => b.Dimension);
        double ratio = (double)m / ambientDimension;
        if (blocks.Count == 1)
            return [MarchenkoPastur.Edges(ratio, blocks[0].StandardDeviation * blocks[0].StandardDeviation)];
        return GeneralizedMarchenkoPastur.Support(ratio,
            blocks.Select(b => (double)b.Dimension / m).ToArray(),
            blocks.Select(b => b.StandardDeviation * b.StandardDeviation).ToArray()).ToArray();
    }

    /// <summary>The manifold gap γ₋/(γ₋ + t).</summary>
    public static double ManifoldGap(double t, double lowerEdge) => SpectralGaps.ManifoldGap(t, lowerEdge);

    /// <summary>The intermediate gap t(b − a)/((t + a)(t + b)).</summary>
    public static double IntermediateGap(double t, double a, double b) => SpectralGaps.IntermediateGap(t, a, b);

    /// <summary>The time of maximal visibility √(ab).</summary>
    public static double PeakTime(double a, double b) => SpectralGaps.PeakTime(a, b);

    /// <summary>The phase at σ² = b²/a² for a resolution threshold Δ.</summary>
    public static GenerationPhase Phase(double t, IReadOnlyList<SpectralInterval> bulks, double threshold) =>
        GenerationPhases.Classify(t, bulks, threshold);
}
