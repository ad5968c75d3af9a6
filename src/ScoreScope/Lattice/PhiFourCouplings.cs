namespace ScoreScope.Lattice;

/// <summary>
/// The couplings (κ, λ) of the hopping-form lattice φ⁴ action
/// S = Σ_x [ −2κ Σ_μ φ(x)φ(x+μ̂) + (1 − 2λ) φ(x)² + λ φ(x)⁴ ] (Aarts et al., arXiv 2410.21212, §4; Wang, Aarts, Zhou,
/// arXiv 2309.17082), with the conversion to the bare couplings (a m₀)² = (1 − 2λ)/κ − 2D, λ₀ = 6λ/(a^{4−D} κ²) and the
/// field a^{D/2−1} φ₀ = √(2κ) φ (docs/science/cumulants.md, lattice section; lattice units a = 1).
/// </summary>
/// <param name="Kappa">The hopping parameter κ.</param>
/// <param name="Lambda">The quartic coupling λ ≥ 0.</param>
public readonly record struct PhiFourCouplings(double Kappa, double Lambda)
{
    /// <summary>
    /// Checks that the couplings define a normalisable distribution on L^D: finite, λ ≥ 0, and at λ = 0 the Gaussian
    /// precision K (K_xx = 2, K_{x,x±μ̂} = −2κ) positive definite, i.e. |κ| &lt; 1/(2D).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Naming κ or λ, the value and the valid range.</exception>
    public void Validate(int dimensions)
    {
        if (!double.IsFinite(Kappa)) throw new ArgumentOutOfRangeException(nameof(Kappa), Kappa, "κ must be finite.");
        if (!double.IsFinite(Lambda) || Lambda < 0)
            throw new ArgumentOutOfRangeException(nameof(Lambda), Lambda, "λ must be a finite number ≥ 0 (λ < 0 is unbounded below).");
        double critical = 1.0 / (2 * dimensions);
        if (Lambda == 0 && Math.Abs(Kappa) >= critical)
            throw new ArgumentOutOfRangeException(nameof(Kappa), Kappa,
                FormattableString.Invariant($"at λ = 0 the free field needs |κ| < 1/(2D) = {critical:G6} in D = {dimensions}."));
    }

    /// <summary>The bare mass (a m₀)² = (1 − 2λ)/κ − 2D.</summary>
    public double BareMassSquared(int dimensions) => (1 - 2 * Lambda) / Kappa - 2 * dimensions;

    /// <summary>The bare quartic coupling λ₀ = 6λ/κ² in lattice units (from λ = a^{4−D} κ² λ₀ / 6).</summary>
    public double BareQuartic => 6 * Lambda / (Kappa * Kappa);

    /// <summary>The factor √(2κ) that converts the hopping-form field to the bare one: φ₀ = √(2κ) φ (a = 1).</summary>
    public double BareFieldScale => Math.Sqrt(2 * Kappa);

    /// <summary>The couplings (κ, λ) of bare (a m₀)² and λ₀ (the inverse of <see cref="BareMassSquared"/>, <see cref="BareQuartic"/>).</summary>
    /// <exception cref="ArgumentException">When no positive κ solves λ₀κ²/3 + (m₀² + 2D)κ − 1 = 0.</exception>
    public static PhiFourCouplings FromBare(double bareMassSquared, double bareQuartic, int dimensions)
    {
        // (1 − 2λ)/κ = m² + 2D with λ = λ₀κ²/6  ⇒  (λ₀/3)κ² + (m² + 2D)κ − 1 = 0.
        double a = bareQuartic / 3, b = bareMassSquared + 2 * dimensions;
        double kappa = a == 0 ? 1 / b : (-b + Math.Sqrt(b * b + 4 * a)) / (2 * a);
        if (!(kappa > 0) || !double.IsFinite(kappa))
            throw new ArgumentException(FormattableString.Invariant(
                $"no positive κ for (a m0)² = {bareMassSquared}, λ0 = {bareQuartic} in D = {dimensions}."), nameof(bareMassSquared));
        return new PhiFourCouplings(kappa, bareQuartic * kappa * kappa / 6);
    }
}
