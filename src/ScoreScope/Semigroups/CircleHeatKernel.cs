namespace ScoreScope.Semigroups;

/// <summary>
/// The heat kernel of Brownian motion with generator d²/dx² on the circle S¹ = ℝ/2πℤ, with respect to the uniform
/// probability measure dx/2π: k_t(δ) = 1 + 2Σ_{k≥1} e^{−k²t}cos(kδ) (theta series, fast at large t)
/// = 2π·Σ_{m∈ℤ} N(δ + 2πm; 0, 2t) (wrapped Gaussian, fast at small t), δ = x − y. The two forms are identical
/// (Poisson summation); <see cref="SwitchTime"/> chooses between them.
/// </summary>
/// <remarks>
/// docs/science/04 §2 (flat torus, "theta function / wrapped Gaussian"); Shen et al. (2025) v2 Appendix B.2
/// ("truncated Brownian motion", Jacobi theta function at large t). Terms are summed until they fall below 1e-17
/// relative to the leading one, so both forms are accurate to rounding at every t.
/// </remarks>
public static class CircleHeatKernel
{
    /// <summary>The time at and above which the theta series is used (≤ 7 terms there; ≤ 4 images below).</summary>
    public const double SwitchTime = 1.0;

    /// <summary>Relative size below which a series term is dropped: e^{−40} ≈ 4e-18.</summary>
    const double Cutoff = 40;

    /// <summary>k_t(δ), using the theta series for t ≥ <see cref="SwitchTime"/> and the wrapped Gaussian below.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For t ≤ 0 or not finite.</exception>
    public static double Value(double time, double separation) =>
        time >= SwitchTime ? ThetaSeries(time, separation).Value : WrappedGaussian(time, separation).Value;

    /// <summary>dk_t/dδ, with the same switch as <see cref="Value"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For t ≤ 0 or not finite.</exception>
    public static double Derivative(double time, double separation) =>
        time >= SwitchTime ? ThetaSeries(time, separation).Derivative : WrappedGaussian(time, separation).Derivative;

    /// <summary>(log k_t(δ), d/dδ log k_t(δ)) without underflow at small t, with the same switch.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For t ≤ 0 or not finite.</exception>
    public static (double Log, double LogDerivative) LogValueAndDerivative(double time, double separation)
    {
        if (time >= SwitchTime)
        {
            var (v, d) = ThetaSeries(time, separation);
            return (Math.Log(v), d / v);
        }
        SemigroupChecks.RequireTime(time);
        double delta = Reduce(separation), variance = 2 * time;
        int images = ImageCount(time);
        // log-sum-exp over images with the shift at the central image (the largest term: |δ| ≤ π)
        double lead = -delta * delta / (2 * variance);
        double sum = 0, dsum = 0;
        for (int m = -images; m <= images; m++)
        {
            double u = delta + 2 * Math.PI * m;
            double w = Math.Exp(-u * u / (2 * variance) - lead);
            sum += w;
            dsum += w * -u / variance;
        }
        double log = Math.Log(2 * Math.PI / Math.Sqrt(2 * Math.PI * variance)) + lead + Math.Log(sum);
        return (log, dsum / sum);
    }

    /// <summary>The theta series 1 + 2Σ e^{−k²t}cos kδ and its δ-derivative, summed to relative 1e-17.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For t ≤ 0 or not finite.</exception>
    public static (double Value, double Derivative) ThetaSeries(double time, double separation)
    {
        SemigroupChecks.RequireTime(time);
        int kMax = (int)Math.Ceiling(Math.Sqrt(Cutoff / time));
        double value = 1, derivative = 0;
        for (int k = 1; k <= kMax; k++)
        {
            double e = 2 * Math.Exp(-(double)k * k * time);
            value += e * Math.Cos(k * separation);
            derivative -= e * k * Math.Sin(k * separation);
        }
        return (value, derivative);
    }

    /// <summary>The wrapped Gaussian 2π·Σ_m N(δ + 2πm; 0, 2t) and its δ-derivative, summed to relative 1e-17.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For t ≤ 0 or not finite.</exception>
    public static (double Value, double Derivative) WrappedGaussian(double time, double separation)
    {
        SemigroupChecks.RequireTime(time);
        double delta = Reduce(separation), variance = 2 * time;
        int images = ImageCount(time);
        double norm = 2 * Math.PI / Math.Sqrt(2 * Math.PI * variance);
        double value = 0, derivative = 0;
        for (int m = -images; m <= images; m++)
        {
            double u = delta + 2 * Math.PI * m;
            double g = norm * Math.Exp(-u * u / (2 * variance));
            value += g;
            derivative += g * -u / variance;
        }
        return (value, derivative);
    }

    /// <summary>
    /// The distribution function F_t(x; y) = (1/2π)∫_0^x k_t(u − y) du of the forward law from y, for x ∈ [0, 2π]:
    /// x/2π + (1/π)Σ_k e^{−k²t}(sin k(x − y) + sin ky)/k at t ≥ <see cref="SwitchTime"/>/4, wrapped normal CDFs below.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">For t ≤ 0 or not finite.</exception>
    public static double CumulativeDistribution(double time, double start, double x)
    {
        SemigroupChecks.RequireTime(time);
        if (time >= SwitchTime / 4)
        {
            int kMax = (int)Math.Ceiling(Math.Sqrt(Cutoff / time));
            double f = x / (2 * Math.PI);
            for (int k = 1; k <= kMax; k++)
                f += Math.Exp(-(double)k * k * time) * (Math.Sin(k * (x - start)) + Math.Sin(k * start)) / (Math.PI * k);
            return f;
        }
        double sd = Math.Sqrt(2 * time), y = Reduce(start);
        int images = ImageCount(time) + 1;
        double total = 0;
        for (int m = -images; m <= images; m++)
            total += MathNet.Numerics.Distributions.Normal.CDF(0, sd, x - y + 2 * Math.PI * m)
                - MathNet.Numerics.Distributions.Normal.CDF(0, sd, -y + 2 * Math.PI * m);
        return total;
    }

    /// <summary>δ reduced to [−π, π).</summary>
    internal static double Reduce(double separation)
    {
        double r = separation - 2 * Math.PI * Math.Floor((separation + Math.PI) / (2 * Math.PI));
        return r >= Math.PI ? r - 2 * Math.PI : r;
    }

    /// <summary>Images needed: e^{−((2M−1)π)²/(4t)} below e^{−Cutoff}.</summary>
    static int ImageCount(double time) => (int)Math.Ceiling((Math.Sqrt(4 * Cutoff * time) / Math.PI + 1) / 2) + 1;
}
