namespace ScoreScope.Scores;

/// <summary>
/// The affine map from a network output to a score at one (a, b): s(x) = <see cref="ScoreFromInput"/>·x +
/// <see cref="ScoreFromOutput"/>·F(<see cref="InputScale"/>·x, c). Every parametrisation in ScoreScope has this form.
/// </summary>
/// <param name="InputScale">c_in: the factor applied to x before the network.</param>
/// <param name="ScoreFromInput">The coefficient of x in the score.</param>
/// <param name="ScoreFromOutput">The coefficient of F in the score.</param>
public readonly record struct ParametrisationCoefficients(double InputScale, double ScoreFromInput, double ScoreFromOutput);
