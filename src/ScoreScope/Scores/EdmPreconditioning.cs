namespace ScoreScope.Scores;

/// <summary>
/// EDM preconditioning (Karras et al. 2022, Table 1, "Ours"): with σ = b/a and x̃ = x/a, the denoiser is
/// D(x̃; σ) = c_skip(σ)·x̃ + c_out(σ)·F(c_in(σ)·x̃, c_noise(σ)), c_skip = σ_d²/(σ² + σ_d²), c_out = σσ_d/√(σ² + σ_d²),
/// c_in = 1/√(σ² + σ_d²), c_noise = ¼ ln σ, and the score of x_t is s = (a·D − x)/b² (Karras et al. 2022, Eq. 3 with
/// scale s(t) = a(t)).
/// </summary>
public sealed class EdmPreconditioning : ScoreParametrisation
{
    /// <summary>Creates the preconditioning with σ_data (EDM's default for images is 0.5).</summary>
    public EdmPreconditioning(double sigmaData = 0.5) : base(sigmaData) { }

    /// <inheritdoc/>
    public override ParametrisationKind Kind => ParametrisationKind.Edm;

    /// <summary>c_skip(σ) = σ_d²/(σ² + σ_d²).</summary>
    public double CSkip(double sigma) => SigmaData * SigmaData / (sigma * sigma + SigmaData * SigmaData);

    /// <summary>c_out(σ) = σ·σ_d/√(σ² + σ_d²).</summary>
    public double COut(double sigma) => sigma * SigmaData / Math.Sqrt(sigma * sigma + SigmaData * SigmaData);

    /// <summary>c_in(σ) = 1/√(σ² + σ_d²), applied to x̃ = x/a.</summary>
    public double CIn(double sigma) => 1.0 / Math.Sqrt(sigma * sigma + SigmaData * SigmaData);

    /// <summary>c_noise(σ) = ¼ ln σ.</summary>
    public static double CNoise(double sigma) => 0.25 * Math.Log(sigma);

    /// <inheritdoc/>
    /// <remarks>
    /// α = (c_skip − 1)/b² = −1/(b² + a²σ_d²) and β = a·c_out/b² = a·σ_d/(b·√(b² + a²σ_d²)), written without cancellation.
    /// </remarks>
    public override ParametrisationCoefficients Coefficients(double a, double b)
    {
        CheckMarginal(a, b);
        double v = b * b + a * a * SigmaData * SigmaData;
        return new(1.0 / Math.Sqrt(v), -1.0 / v, a * SigmaData / (b * Math.Sqrt(v)));
    }
}
