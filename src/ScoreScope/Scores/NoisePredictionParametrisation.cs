namespace ScoreScope.Scores;

/// <summary>
/// The network predicts the noise: for x = a·x₀ + b·z, F ≈ E[z | x] and s = −F/b (Ho et al. 2020 Eq. 12; the
/// denoising-score-matching identity of Vincent 2011).
/// </summary>
public sealed class NoisePredictionParametrisation : ScoreParametrisation
{
    /// <summary>Creates the parametrisation; σ_data only sets the input scale.</summary>
    public NoisePredictionParametrisation(double sigmaData = 1.0) : base(sigmaData) { }

    /// <inheritdoc/>
    public override ParametrisationKind Kind => ParametrisationKind.Noise;

    /// <inheritdoc/>
    public override ParametrisationCoefficients Coefficients(double a, double b)
    {
        CheckMarginal(a, b);
        return new(InputScale(a, b), 0.0, -1.0 / b);
    }
}
