namespace ScoreScope.Semigroups;

/// <summary>
/// Operator-informed score matching (v2) for Brownian motion with generator d²/dx² on the circle (flat torus T¹),
/// with the trigonometric eigenbasis φ = {cos kx, sin kx}_{k=1..K} (λ = −k², μ uniform, Γ(f, g) = f'g'):
/// A_t = E_{ρ_t}[φ'φ'ᵀ] from E_{ρ_t}[cos jx] = e^{−j²t}E_{ρ_0}[cos jx] (and sin) by product-to-sum formulas,
/// b_t = k²e^{−k²t}E_{ρ_0}[φ], α̂ = A_t⁻¹b_t and s̃_t = ψ_t'.
/// </summary>
/// <remarks>
/// Shen, Wang, Riabiz, Oates (2025), arXiv 2406.09084v2, §3 and Appendix B.2; formulas of docs/science/04 §3.1.
/// With empirical moments and K → ∞ the minimiser tends to the kernel-smoothing score
/// (<see cref="TorusKernelSmoothingScore"/>, §5.5). Basis order: cos x, sin x, cos 2x, sin 2x, ….
/// </remarks>
public sealed class CircleOism
{
    readonly double[] _cos;
    readonly double[] _sin;

    /// <summary>Creates the estimator from data moments E_{ρ_0}[cos jx], E_{ρ_0}[sin jx] for j = 0 … ≥ 2K.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For K &lt; 1.</exception>
    /// <exception cref="ArgumentException">For too few, mismatched or non-finite moments.</exception>
    public CircleOism(IReadOnlyList<double> cosineMoments, IReadOnlyList<double> sineMoments, int frequencies)
    {
        ArgumentNullException.ThrowIfNull(cosineMoments);
        ArgumentNullException.ThrowIfNull(sineMoments);
        SemigroupChecks.RequireBasisSize(frequencies, nameof(frequencies));
        if (cosineMoments.Count < 2 * frequencies + 1 || sineMoments.Count < 2 * frequencies + 1)
            throw new ArgumentException($"K = {frequencies} needs moments for j = 0 … {2 * frequencies}; got {cosineMoments.Count} and {sineMoments.Count}.", nameof(cosineMoments));
        if (cosineMoments.Concat(sineMoments).Any(m => !double.IsFinite(m)))
            throw new ArgumentException("the moments must be finite.", nameof(cosineMoments));
        _cos = cosineMoments.Take(2 * frequencies + 1).ToArray();
        _sin = sineMoments.Take(2 * frequencies + 1).ToArray();
        Frequencies = frequencies;
    }

    /// <summary>Creates the estimator from the empirical moments of data angles (one pass).</summary>
    /// <exception cref="ArgumentException">For no or non-finite samples.</exception>
    /// <exception cref="ArgumentOutOfRangeException">For K &lt; 1.</exception>
    public static CircleOism FromSamples(IReadOnlyList<double> angles, int frequencies)
    {
        ArgumentNullException.ThrowIfNull(angles);
        SemigroupChecks.RequireBasisSize(frequencies, nameof(frequencies));
        if (angles.Count == 0 || angles.Any(a => !double.IsFinite(a)))
            throw new ArgumentException("need at least one finite angle.", nameof(angles));
        var c = new double[2 * frequencies + 1];
        var s = new double[2 * frequencies + 1];
        foreach (double a in angles)
            for (int j = 0; j <= 2 * frequencies; j++)
            {
                c[j] += Math.Cos(j * a);
                s[j] += Math.Sin(j * a);
            }
        for (int j = 0; j <= 2 * frequencies; j++) { c[j] /= angles.Count; s[j] /= angles.Count; }
        return new CircleOism(c, s, frequencies);
    }

    /// <summary>The number K of frequencies (2K eigenfunctions).</summary>
    public int Frequencies { get; }

    double Cos(int j, double time) => Math.Exp(-(double)j * j * time) * _cos[Math.Abs(j)];

    double Sin(int j, double time) => Math.Exp(-(double)j * j * time) * Math.Sign(j) * _sin[Math.Abs(j)];

    /// <summary>A_t [2K, 2K], symmetric positive semi-definite.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For t negative or not finite.</exception>
    public double[,] Matrix(double time)
    {
        SemigroupChecks.RequireTime(time, allowZero: true);
        int n = 2 * Frequencies;
        var a = new double[n, n];
        for (int p = 0; p < n; p++)
            for (int q = p; q < n; q++)
            {
                int ka = p / 2 + 1, kb = q / 2 + 1;
                bool cosA = p % 2 == 0, cosB = q % 2 == 0;
                double e;
                if (cosA && cosB) // (−a sin ax)(−b sin bx)
                    e = ka * kb * 0.5 * (Cos(ka - kb, time) - Cos(ka + kb, time));
                else if (!cosA && !cosB) // (a cos ax)(b cos bx)
                    e = ka * kb * 0.5 * (Cos(ka - kb, time) + Cos(ka + kb, time));
                else
                {
                    // (−s sin sx)(c cos cx), s the cosine basis function's frequency
                    int s = cosA ? ka : kb, c = cosA ? kb : ka;
                    e = -s * c * 0.5 * (Sin(s + c, time) + Sin(s - c, time));
                }
                a[p, q] = a[q, p] = e;
            }
        return a;
    }

    /// <summary>b_t [2K]: b_t = −E_{ρ_t}[Lφ] = k²e^{−k²t}E_{ρ_0}[φ].</summary>
    /// <exception cref="ArgumentOutOfRangeException">For t negative or not finite.</exception>
    public double[] Vector(double time)
    {
        SemigroupChecks.RequireTime(time, allowZero: true);
        var b = new double[2 * Frequencies];
        for (int k = 1; k <= Frequencies; k++)
        {
            b[2 * k - 2] = (double)k * k * Cos(k, time);
            b[2 * k - 1] = (double)k * k * Sin(k, time);
        }
        return b;
    }

    /// <summary>α̂_t = A_t⁻¹b_t.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For t negative or not finite.</exception>
    public double[] Coefficients(double time) => OismSolver.Solve(Matrix(time), Vector(time));

    /// <summary>s̃_t(x) = ψ_t'(x) = Σ_k (−k·α_{cos k}·sin kx + k·α_{sin k}·cos kx) for coefficients α from <see cref="Coefficients"/>.</summary>
    public static double Score(IReadOnlyList<double> coefficients, double x)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        double s = 0;
        for (int k = 1; 2 * k <= coefficients.Count; k++)
            s += k * (-coefficients[2 * k - 2] * Math.Sin(k * x) + coefficients[2 * k - 1] * Math.Cos(k * x));
        return s;
    }
}
