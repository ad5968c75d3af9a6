namespace ScoreScope.Spectra;

/// <summary>
/// Phase labels for Gaussian data on a linear manifold whose tangent covariance spectrum occupies the given bulks
/// (Ventura et al., arXiv 2410.05898, §5; docs/science/spectral-gaps.md §3, oracle 9). The paper's phases are crossovers; here they are
/// made sharp by a resolution threshold Δ on the normalised spectrum ν ∈ [−1, 0]:
/// trivial while even the largest tangent variance γ+ is unresolved from −1 (γ+/(γ+ + σ²) &lt; Δ, i.e.
/// σ² &gt; γ+(1 − Δ)/Δ); consolidation once even the smallest tangent variance γ− is within Δ of 0
/// (σ²/(σ² + γ−) &lt; Δ, i.e. σ² &lt; γ−Δ/(1 − Δ)); manifold coverage in between.
/// </summary>
public static class GenerationPhases
{
    /// <summary>The time above which generation is in the trivial phase: γ+(1 − Δ)/Δ with γ+ the top edge.</summary>
    /// <param name="tangentBulks">The tangent covariance spectrum's bulks (e.g. <see cref="GeneralizedMarchenkoPastur.Support"/>).</param>
    /// <param name="threshold">Δ ∈ (0, 1).</param>
    public static double TrivialPhaseTime(IReadOnlyList<SpectralInterval> tangentBulks, double threshold)
    {
        RequireBulks(tangentBulks);
        SpectralGaps.RequireThreshold(threshold);
        return tangentBulks.Max(b => b.Upper) * (1 - threshold) / threshold;
    }

    /// <summary>The time below which generation is in the consolidation phase: γ−Δ/(1 − Δ) with γ− the bottom edge.</summary>
    /// <param name="tangentBulks">The tangent covariance spectrum's bulks.</param>
    /// <param name="threshold">Δ ∈ (0, 1).</param>
    public static double ConsolidationPhaseTime(IReadOnlyList<SpectralInterval> tangentBulks, double threshold)
    {
        RequireBulks(tangentBulks);
        SpectralGaps.RequireThreshold(threshold);
        return tangentBulks.Min(b => b.Lower) * threshold / (1 - threshold);
    }

    /// <summary>The phase at squared noise-to-signal ratio σ² <paramref name="sigmaSquared"/>.</summary>
    /// <param name="sigmaSquared">The squared noise-to-signal ratio σ² = b²/a² (&gt; 0; the paper's time).</param>
    /// <param name="tangentBulks">The tangent covariance spectrum's bulks.</param>
    /// <param name="threshold">Δ ∈ (0, 1).</param>
    /// <exception cref="ArgumentException">No bulks, a bulk with a non-positive lower edge, σ² ≤ 0, Δ ∉ (0, 1).</exception>
    public static GenerationPhase Classify(double sigmaSquared, IReadOnlyList<SpectralInterval> tangentBulks, double threshold)
    {
        SpectralGaps.RequireSquaredNoiseToSignal(sigmaSquared);
        if (sigmaSquared > TrivialPhaseTime(tangentBulks, threshold)) return GenerationPhase.Trivial;
        if (sigmaSquared < ConsolidationPhaseTime(tangentBulks, threshold)) return GenerationPhase.Consolidation;
        return GenerationPhase.ManifoldCoverage;
    }

    static void RequireBulks(IReadOnlyList<SpectralInterval> tangentBulks)
    {
        ArgumentNullException.ThrowIfNull(tangentBulks);
        if (tangentBulks.Count == 0)
        {
            throw new ArgumentException("Need at least one tangent bulk.", nameof(tangentBulks));
        }
        foreach (var bulk in tangentBulks)
        {
            if (!(bulk.Lower > 0) || !(bulk.Upper >= bulk.Lower) || double.IsInfinity(bulk.Upper))
            {
                throw new ArgumentException(
                    $"A tangent bulk must satisfy 0 < lower ≤ upper < ∞; got [{bulk.Lower}, {bulk.Upper}].", nameof(tangentBulks));
            }
        }
    }
}
