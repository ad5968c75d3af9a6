namespace ScoreScope.Scores;

/// <summary>
/// The network predicts the clean data: F ≈ x̂₀ = E[x₀ | x] and s = −(x − a·x̂₀)/b² (Tweedie's formula, Efron 2011;
/// Karras et al. 2022 Eq. 3 with scale a).
/// </summary>
public sealed class DataPredictionParametrisation : ScoreParametrisation
{
    /// <summary>Creates the parametrisation; σ_data only sets the input scale.</summary>
    public DataPredictionParametrisation(double sigmaData = 1.0) : base(sigmaData) { }

    /// <inheritdoc/>
    public override ParametrisationKind Kind => ParametrisationKind.Data;

    /// <inheritdoc/>
    public override ParametrisationCoefficients Coefficients(double a, double b)
    {
        CheckMarginal(a, b);
        double b2 = b * b;
        return new(InputScale(a, b), -1.0 / b2, a / b2);
    }
}
