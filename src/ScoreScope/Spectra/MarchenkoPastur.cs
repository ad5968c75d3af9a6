namespace ScoreScope.Spectra;

/// <summary>
/// The Marchenko–Pastur law of the nonzero eigenvalues of C = F Fᵀ for F ∈ ℝ^{d×m} with iid N(0, σ²/d) entries and
/// ratio α = m/d ≤ 1 (Marchenko &amp; Pastur 1967; docs/science/spectral-gaps.md §2.2, the single-variance linear manifold of
/// Ventura et al., arXiv 2410.05898, §6.2, Eqs. 15–17): density
/// p(λ) = √((γ+ − λ)(λ − γ−)) / (2π σ² α λ) on [γ−, γ+] with edges γ± = σ²(1 ± √α)².
/// </summary>
public static class MarchenkoPastur
{
    /// <summary>The support edges γ± = σ²(1 ± √α)².</summary>
    /// <param name="ratio">α = m/d, in (0, 1].</param>
    /// <param name="variance">σ², the variance of the latent directions (&gt; 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">When α ∉ (0, 1] or σ² ≤ 0.</exception>
    public static SpectralInterval Edges(double ratio, double variance)
    {
        Validate(ratio, variance);
        double root = Math.Sqrt(ratio);
        return new SpectralInterval(variance * (1 - root) * (1 - root), variance * (1 + root) * (1 + root));
    }

    /// <summary>The density p(λ) of the nonzero eigenvalues (integrates to 1 over [γ−, γ+]; 0 outside).</summary>
    /// <param name="eigenvalue">λ.</param>
    /// <param name="ratio">α = m/d, in (0, 1].</param>
    /// <param name="variance">σ² (&gt; 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">When α ∉ (0, 1] or σ² ≤ 0.</exception>
    public static double Density(double eigenvalue, double ratio, double variance)
    {
        var edges = Edges(ratio, variance);
        if (eigenvalue <= edges.Lower || eigenvalue >= edges.Upper || eigenvalue <= 0)
        {
            return 0;
        }
        return Math.Sqrt((edges.Upper - eigenvalue) * (eigenvalue - edges.Lower))
            / (2 * Math.PI * variance * ratio * eigenvalue);
    }

    static void Validate(double ratio, double variance)
    {
        if (!(ratio > 0 && ratio <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio,
                "The Marchenko–Pastur ratio α = m/d must lie in (0, 1] (m latent directions in d ambient dimensions).");
        }
        if (!(variance > 0) || double.IsInfinity(variance))
        {
            throw new ArgumentOutOfRangeException(nameof(variance), variance, "The latent variance σ² must be positive and finite.");
        }
    }
}
