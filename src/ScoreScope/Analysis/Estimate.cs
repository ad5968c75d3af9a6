namespace ScoreScope.Analysis;

/// <summary>
/// A point estimate with its standard error and the number of observations it rests on; every estimator in
/// ScoreScope.Analysis returns one (so tolerances can be stated in standard errors). Undefined values are NaN.
/// </summary>
/// <param name="Value">The estimate.</param>
/// <param name="StandardError">Its (estimated) standard error; NaN when undefined.</param>
/// <param name="Count">The number of observations (samples, directions, …) the estimate uses.</param>
public readonly record struct Estimate(double Value, double StandardError, long Count)
{
    /// <summary>The standardised deviation (Value − reference)/StandardError, e.g. to assert |z| ≤ 4.</summary>
    public double StandardScore(double reference = 0.0) => (Value - reference) / StandardError;

    /// <inheritdoc/>
    public override string ToString() =>
        FormattableString.Invariant($"{Value:G6} ± {StandardError:G3} (n = {Count})");
}
