namespace ScoreScope.Data.MixedCumulant;

/// <summary>The exact mean, variance, third and fourth cumulants of the projection w·x of the data on a unit vector w.</summary>
/// <param name="Mean">E w·x.</param>
/// <param name="Variance">Var w·x.</param>
/// <param name="Kappa3">κ₃(w·x).</param>
/// <param name="Kappa4">κ₄(w·x) (excess kurtosis times Variance²).</param>
public readonly record struct SpikeStatistics(double Mean, double Variance, double Kappa3, double Kappa4)
{
    /// <summary>E Heₖ(w·x) for k = 0 … 4 (probabilists' Hermite polynomials), from the four cumulants.</summary>
    public double[] HermiteMoments()
    {
        double m = Mean, v = Variance;
        double raw2 = v + m * m;
        double raw3 = Kappa3 + 3 * m * v + m * m * m;
        double raw4 = Kappa4 + 4 * Kappa3 * m + 3 * v * v + 6 * m * m * v + m * m * m * m;
        return [1, m, raw2 - 1, raw3 - 3 * m, raw4 - 6 * raw2 + 3];
    }
}
