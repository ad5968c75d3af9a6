namespace ScoreScope.Scores;

/// <summary>The network output is the score itself: s = F (Song &amp; Ermon 2019, noise-conditional score network).</summary>
public sealed class DirectScoreParametrisation : ScoreParametrisation
{
    /// <summary>Creates the parametrisation; σ_data only sets the input scale.</summary>
    public DirectScoreParametrisation(double sigmaData = 1.0) : base(sigmaData) { }

    /// <inheritdoc/>
    public override ParametrisationKind Kind => ParametrisationKind.Score;

    /// <inheritdoc/>
    public override ParametrisationCoefficients Coefficients(double a, double b)
    {
        CheckMarginal(a, b);
        return new(InputScale(a, b), 0.0, 1.0);
    }
}
