namespace ScoreScope.Spectra;

/// <summary>
/// The limiting spectrum of the normalised score Jacobian σ²·J for Gaussian data on a random linear manifold (d ambient,
/// m = c·d latent dimensions with variances τ_k on fractions w_k) under VE noise of variance σ² (VP: σ² → b_t²/a_t²)
/// (Ventura et al., arXiv 2410.05898, §6; docs/science/spectral-gaps.md §2.2): a spike of mass 1 − c at ν = −1 (orthogonal directions)
/// and, with mass c, the image of the generalised Marchenko–Pastur law under λ ↦ ν = −σ²/(σ² + λ), with density
/// ρ(ν) = c·f(λ(ν))·σ²/ν², λ(ν) = −σ²(1 + ν)/ν.
/// </summary>
public static class NormalisedJacobianSpectrum
{
    /// <summary>The tangent bulks in ν, ascending: bulk [γ−, γ+] maps to [−σ²/(σ² + γ−), −σ²/(σ² + γ+)]; high-variance
    /// bulks lie closer to 0.</summary>
    /// <param name="sigmaSquared">The squared noise-to-signal ratio σ² = b²/a² (&gt; 0; the paper's time).</param>
    /// <param name="ratio">c = m/d, in (0, 1).</param>
    /// <param name="weights">w_k = m_k/m.</param>
    /// <param name="variances">τ_k = σ_k².</param>
    public static IReadOnlyList<SpectralInterval> TangentBulks(double sigmaSquared, double ratio, IReadOnlyList<double> weights, IReadOnlyList<double> variances)
    {
        var support = GeneralizedMarchenkoPastur.Support(ratio, weights, variances);
        return support
            .Select(b => new SpectralInterval(SpectralGaps.NormalisedEigenvalue(sigmaSquared, b.Lower), SpectralGaps.NormalisedEigenvalue(sigmaSquared, b.Upper)))
            .OrderBy(b => b.Lower)
            .ToArray();
    }

    /// <summary>The continuous part of the density of ν ∈ (−1, 0) (mass c); the spike of mass 1 − c at −1 is not included.</summary>
    /// <param name="normalisedEigenvalue">ν.</param>
    /// <param name="sigmaSquared">The squared noise-to-signal ratio σ² = b²/a² (&gt; 0; the paper's time).</param>
    /// <param name="ratio">c = m/d, in (0, 1).</param>
    /// <param name="weights">w_k = m_k/m.</param>
    /// <param name="variances">τ_k = σ_k².</param>
    public static double TangentDensity(double normalisedEigenvalue, double sigmaSquared, double ratio, IReadOnlyList<double> weights, IReadOnlyList<double> variances)
    {
        SpectralGaps.RequireSquaredNoiseToSignal(sigmaSquared);
        double nu = normalisedEigenvalue;
        if (!(nu > -1 && nu < 0))
        {
            return 0;
        }
        double lambda = -sigmaSquared * (1 + nu) / nu;
        return ratio * GeneralizedMarchenkoPastur.Density(lambda, ratio, weights, variances) * sigmaSquared / (nu * nu);
    }
}
