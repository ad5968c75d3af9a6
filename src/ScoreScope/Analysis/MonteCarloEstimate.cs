namespace ScoreScope.Analysis;

/// <summary>A Monte Carlo mean with its standard error s/√n and sample size n.</summary>
/// <param name="Mean">The sample mean.</param>
/// <param name="StandardError">The standard error of the mean, sample standard deviation over √n.</param>
/// <param name="Count">The number of samples n.</param>
public readonly record struct MonteCarloEstimate(double Mean, double StandardError, long Count)
{
    /// <summary>Summarises per-sample values.</summary>
    /// <exception cref="ArgumentException">When fewer than two values are given.</exception>
    public static MonteCarloEstimate FromValues(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < 2) throw new ArgumentException($"need at least 2 values; got {values.Count}.", nameof(values));
        var stats = new MathNet.Numerics.Statistics.RunningStatistics(values);
        return new MonteCarloEstimate(stats.Mean, stats.StandardDeviation / Math.Sqrt(values.Count), values.Count);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Mean:G5} ± {StandardError:G2} (n = {Count})";
}
