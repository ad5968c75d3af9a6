namespace ScoreScope.Semigroups;

/// <summary>
/// Moments E[h_k(X)] of the normalised Hermite functions h_k = He_k/√(k!) (see <see cref="HermiteFunctions"/>):
/// from samples (one pass), exactly for Gaussians and Gaussian mixtures, and propagated exactly along the
/// Ornstein–Uhlenbeck semigroup, E_{ρ_t}[h_k] = e^{−kt}·E_{ρ_0}[h_k] (docs/science/04 §1.1, §5.3).
/// </summary>
public static class HermiteMoments
{
    /// <summary>Sample means m̂_k = (1/n)Σ_i h_k(x_i), k = 0 … maxDegree.</summary>
    /// <param name="samples">The data, n ≥ 1 finite values.</param>
    /// <param name="maxDegree">Highest degree, ≥ 0.</param>
    /// <returns>An array of length maxDegree + 1.</returns>
    /// <exception cref="ArgumentException">For no samples, a non-finite sample or a negative degree.</exception>
    public static double[] FromSamples(IReadOnlyList<double> samples, int maxDegree)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0) throw new ArgumentException("need at least one sample.", nameof(samples));
        if (maxDegree < 0) throw new ArgumentException($"maxDegree must be ≥ 0; got {maxDegree}.", nameof(maxDegree));
        var sum = new double[maxDegree + 1];
        var h = new double[maxDegree + 1];
        foreach (double x in samples)
        {
            if (!double.IsFinite(x)) throw new ArgumentException($"samples must be finite; got {x}.", nameof(samples));
            HermiteFunctions.Evaluate(x, h);
            for (int k = 0; k <= maxDegree; k++) sum[k] += h[k];
        }
        for (int k = 0; k <= maxDegree; k++) sum[k] /= samples.Count;
        return sum;
    }

    /// <summary>
    /// Exact E[h_k(X)] for X ~ N(m, s²): E[He_k(m + sZ)] = P_k(m) with P_{k+1} = m·P_k + (s² − 1)·k·P_{k−1}
    /// (generating function e^{mu + (s²−1)u²/2}), rescaled by 1/√(k!).
    /// </summary>
    /// <param name="mean">m.</param>
    /// <param name="standardDeviation">s ≥ 0.</param>
    /// <param name="maxDegree">Highest degree, ≥ 0.</param>
    /// <exception cref="ArgumentException">For s &lt; 0, non-finite parameters or a negative degree.</exception>
    public static double[] OfGaussian(double mean, double standardDeviation, int maxDegree)
    {
        if (!double.IsFinite(mean) || !(standardDeviation >= 0) || double.IsPositiveInfinity(standardDeviation))
            throw new ArgumentException($"need a finite mean and a finite s ≥ 0; got m = {mean}, s = {standardDeviation}.", nameof(standardDeviation));
        if (maxDegree < 0) throw new ArgumentException($"maxDegree must be ≥ 0; got {maxDegree}.", nameof(maxDegree));
        var q = new double[maxDegree + 1];
        q[0] = 1;
        if (maxDegree >= 1) q[1] = mean;
        double v = standardDeviation * standardDeviation - 1;
        for (int k = 1; k < maxDegree; k++)
            q[k + 1] = (mean * q[k] + v * Math.Sqrt(k) * q[k - 1]) / Math.Sqrt(k + 1);
        return q;
    }

    /// <summary>Exact E[h_k] of the mixture Σ_j w_j N(m_j, s_j²) (weights normalised to sum 1).</summary>
    /// <exception cref="ArgumentException">For mismatched lengths, no component, or non-positive weights.</exception>
    public static double[] OfGaussianMixture(IReadOnlyList<double> weights, IReadOnlyList<double> means,
        IReadOnlyList<double> standardDeviations, int maxDegree)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(means);
        ArgumentNullException.ThrowIfNull(standardDeviations);
        if (weights.Count == 0 || weights.Count != means.Count || means.Count != standardDeviations.Count)
            throw new ArgumentException($"weights, means and standard deviations need the same length ≥ 1; got {weights.Count}, {means.Count}, {standardDeviations.Count}.", nameof(weights));
        double total = 0;
        foreach (double w in weights)
        {
            if (!(w > 0) || !double.IsFinite(w)) throw new ArgumentException($"weights must be positive and finite; got {w}.", nameof(weights));
            total += w;
        }
        var result = new double[maxDegree + 1];
        for (int j = 0; j < weights.Count; j++)
        {
            var q = OfGaussian(means[j], standardDeviations[j], maxDegree);
            for (int k = 0; k <= maxDegree; k++) result[k] += weights[j] / total * q[k];
        }
        return result;
    }

    /// <summary>E_{ρ_t}[h_k] = e^{−kt}·E_{ρ_0}[h_k] for the OU process dX = −X dt + √2 dW.</summary>
    /// <param name="moments">E_{ρ_0}[h_k], k = 0 … K.</param>
    /// <param name="time">t ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">For a negative or non-finite time.</exception>
    public static double[] Propagate(IReadOnlyList<double> moments, double time)
    {
        ArgumentNullException.ThrowIfNull(moments);
        SemigroupChecks.RequireTime(time, allowZero: true);
        var result = new double[moments.Count];
        for (int k = 0; k < moments.Count; k++) result[k] = Math.Exp(-k * time) * moments[k];
        return result;
    }
}
