namespace ScoreScope.Spectra;

/// <summary>
/// Spectral gaps of the normalised score Jacobian b²J of Gaussian data on a linear manifold at the squared
/// noise-to-signal ratio σ² = b²/a² (the paper's time; the noise variance for VE),
/// Ventura et al., arXiv 2410.05898, §4.1 and §6 (docs/science/spectral-gaps.md §2.2–2.3,
/// oracles 6–7). A tangent direction of data variance λ has the eigenvalue ν = −σ²/(σ² + λ); orthogonal directions sit
/// at −1. A bulk of data eigenvalues [γ−, γ+] maps to [−σ²/(σ² + γ−), −σ²/(σ² + γ+)].
/// </summary>
public static class SpectralGaps
{
    /// <summary>The normalised eigenvalue ν = −σ²/(σ² + λ) of a tangent direction with data variance λ ≥ 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When σ² ≤ 0 or λ &lt; 0.</exception>
    public static double NormalisedEigenvalue(double sigmaSquared, double eigenvalue)
    {
        RequireSquaredNoiseToSignal(sigmaSquared);
        if (!(eigenvalue >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(eigenvalue), eigenvalue, "A data-covariance eigenvalue must be ≥ 0.");
        }
        return -sigmaSquared / (sigmaSquared + eigenvalue);
    }

    /// <summary>
    /// The manifold gap Δ^GAP(σ²) = γ−/(γ− + σ²) between the orthogonal spike at −1 and the nearest tangent bulk edge
    /// (paper Eq. 15): ≈ γ−/σ² at large σ², → 1 as σ² → 0.
    /// </summary>
    /// <param name="sigmaSquared">The squared noise-to-signal ratio σ² = b²/a² (&gt; 0; the paper's time).</param>
    /// <param name="lowerEdge">γ−, the smallest tangent data variance (&gt; 0).</param>
    public static double ManifoldGap(double sigmaSquared, double lowerEdge)
    {
        RequireSquaredNoiseToSignal(sigmaSquared);
        RequirePositive(lowerEdge, nameof(lowerEdge));
        return lowerEdge / (lowerEdge + sigmaSquared);
    }

    /// <summary>The time below which the manifold gap exceeds the resolution threshold Δ: t_open = γ−(1 − Δ)/Δ.</summary>
    /// <param name="lowerEdge">γ− (&gt; 0).</param>
    /// <param name="threshold">Δ ∈ (0, 1).</param>
    public static double ManifoldGapOpeningTime(double lowerEdge, double threshold)
    {
        RequirePositive(lowerEdge, nameof(lowerEdge));
        RequireThreshold(threshold);
        return lowerEdge * (1 - threshold) / threshold;
    }

    /// <summary>
    /// The intermediate gap between a low-variance bulk ending at <paramref name="a"/> and a high-variance bulk starting
    /// at <paramref name="b"/> (paper Eq. 18): Δ_inter(σ²) = σ²/(σ² + a) − σ²/(σ² + b) = σ²(b − a)/((σ² + a)(σ² + b)).
    /// </summary>
    /// <param name="sigmaSquared">The squared noise-to-signal ratio σ² = b²/a² (&gt; 0; the paper's time).</param>
    /// <param name="a">Upper edge of the low-variance bulk (&gt; 0).</param>
    /// <param name="b">Lower edge of the high-variance bulk (&gt; a).</param>
    public static double IntermediateGap(double sigmaSquared, double a, double b)
    {
        RequireSquaredNoiseToSignal(sigmaSquared);
        RequireEdges(a, b);
        return sigmaSquared * (b - a) / ((sigmaSquared + a) * (sigmaSquared + b));
    }

    /// <summary>The time of maximal width of the intermediate gap, t_max = √(ab) (paper Eqs. 22, 25).</summary>
    public static double PeakTime(double a, double b)
    {
        RequireEdges(a, b);
        return Math.Sqrt(a * b);
    }

    /// <summary>The maximal width Δ_inter(t_max) = (√b − √a)/(√b + √a).</summary>
    public static double PeakWidth(double a, double b)
    {
        RequireEdges(a, b);
        double sa = Math.Sqrt(a), sb = Math.Sqrt(b);
        return (sb - sa) / (sb + sa);
    }

    /// <summary>
    /// The times at which the intermediate gap crosses the resolution threshold Δ (paper Eqs. 20–21): the roots of
    /// Δσ²² + [Δ(a + b) − (b − a)]σ² + Δab = 0, with t_open·t_close = ab = t_max². Null when Δ ≥ the peak width (the gap
    /// never becomes visible). The gap is visible for t_open &lt; σ² &lt; t_close; during generation (σ² decreasing) it
    /// opens at t_close and closes at t_open, so the pair is returned as (smaller, larger).
    /// </summary>
    /// <param name="a">Upper edge of the low-variance bulk (&gt; 0).</param>
    /// <param name="b">Lower edge of the high-variance bulk (&gt; a).</param>
    /// <param name="threshold">Δ ∈ (0, 1).</param>
    public static (double Open, double Close)? OpeningAndClosingTimes(double a, double b, double threshold)
    {
        RequireEdges(a, b);
        RequireThreshold(threshold);
        if (threshold >= PeakWidth(a, b))
        {
            return null;
        }
        double linear = threshold * (a + b) - (b - a);
        double discriminant = linear * linear - 4 * threshold * threshold * a * b;
        // Stable quadratic roots: q = (−B + √D)/2 > 0; larger root q/Δ, smaller root Δab/q.
        double q = 0.5 * (-linear + Math.Sqrt(Math.Max(0, discriminant)));
        return (threshold * a * b / q, q / threshold);
    }

    internal static void RequireSquaredNoiseToSignal(double sigmaSquared)
    {
        if (!(sigmaSquared > 0) || double.IsInfinity(sigmaSquared))
        {
            throw new ArgumentOutOfRangeException(nameof(sigmaSquared), sigmaSquared, "The squared noise-to-signal ratio σ² = b²/a² must be positive and finite.");
        }
    }

    static void RequirePositive(double value, string name)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive and finite.");
        }
    }

    static void RequireEdges(double a, double b)
    {
        RequirePositive(a, nameof(a));
        if (!(b > a) || double.IsInfinity(b))
        {
            throw new ArgumentOutOfRangeException(nameof(b), b,
                $"The high-variance bulk's lower edge b must exceed the low-variance bulk's upper edge a = {a} (the bulks must be detached).");
        }
    }

    internal static void RequireThreshold(double threshold)
    {
        if (!(threshold > 0 && threshold < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The resolution threshold Δ must lie in (0, 1).");
        }
    }
}
