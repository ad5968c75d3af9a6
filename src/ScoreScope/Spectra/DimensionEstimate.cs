namespace ScoreScope.Spectra;

/// <summary>
/// The intrinsic-dimension estimate m̂ = D − #{ν ≈ −1} from a normalised spectrum (Stanczuk et al. 2022, arXiv
/// 2212.12611, set in time by Ventura et al. 2024; docs/science/spectral-gaps.md §3): a value counts as part of the spike at −1 when
/// |ν| ≥ 1 − δ. With δ = ½ a tangent direction of variance λ counts as orthogonal once t ≥ λ, so m̂ is reliable in
/// the consolidation phase t ≪ γ₋ (for D = 100, d = 40, σ = 1: m̂ = 40 for t ≤ 0.1, m̂ = 17 at t = 1).
/// </summary>
public static class DimensionEstimate
{
    /// <summary>The default tolerance δ = ½: |ν| ≥ ½ counts as the spike at −1.</summary>
    public const double DefaultTolerance = 0.5;

    /// <summary>m̂ = D − #{i : |ν_i| ≥ 1 − δ} for eigenvalues of b²J (in [−1, 0]) or singular values (in [0, 1]).</summary>
    /// <exception cref="ArgumentException">When δ is outside (0, 1).</exception>
    public static int Estimate(IReadOnlyList<double> spectrum, double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        if (!(tolerance > 0 && tolerance < 1))
            throw new ArgumentException($"the spike tolerance δ must lie in (0, 1); got {tolerance}.", nameof(tolerance));
        return spectrum.Count - spectrum.Count(v => Math.Abs(v) >= 1 - tolerance);
    }
}
