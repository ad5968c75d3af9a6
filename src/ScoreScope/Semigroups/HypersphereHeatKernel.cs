namespace ScoreScope.Semigroups;

/// <summary>
/// The heat kernel of Brownian motion with generator Δ on the unit sphere S^d ⊂ ℝ^{d+1}, d ≥ 2, with respect to the
/// uniform probability measure, as a function of c = ⟨x, y⟩ = cos θ: the Gegenbauer series
/// k_t(c) = Σ_{l≥0} e^{−l(l+d−1)t}·((l + λ)/λ)·C_l^{λ}(c), λ = (d − 1)/2 (d = 2: Σ(2l+1)e^{−l(l+1)t}P_l(c)).
/// </summary>
/// <remarks>
/// docs/science/04 §2 ("Sphere S^d"); the eigenvalues −l(l+d−1) and the addition theorem for spherical harmonics
/// (DLMF 18.18, Stein &amp; Weiss Ch. IV). Terms are summed until l(l+d−1)t exceeds 45 + (d+1)·ln(l+1), so the
/// truncation is below rounding; the cost grows like 1/√t (see <see cref="SphereHeatKernel"/> for the short-time form
/// on S²). Gegenbauer recurrence DLMF 18.9.1, derivative dC_l^λ/dc = 2λ·C_{l−1}^{λ+1} (DLMF 18.9.19).
/// </remarks>
public sealed class HypersphereHeatKernel
{
    /// <summary>Creates the kernel of S^d.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For d &lt; 2.</exception>
    public HypersphereHeatKernel(int dimension)
    {
        if (dimension < 2) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "the sphere dimension d must be ≥ 2.");
        Dimension = dimension;
    }

    /// <summary>The intrinsic dimension d of S^d.</summary>
    public int Dimension { get; }

    /// <summary>The number of terms the series needs at time t.</summary>
    public int TermCount(double time)
    {
        SemigroupChecks.RequireTime(time);
        int l = 1;
        while (l * (l + Dimension - 1.0) * time < 45 + (Dimension + 1) * Math.Log(l + 1.0)) l++;
        return l + 1;
    }

    /// <summary>(k_t(c), dk_t/dc) by the Gegenbauer series.</summary>
    /// <param name="time">t &gt; 0.</param>
    /// <param name="cosine">c = ⟨x, y⟩ ∈ [−1, 1] (clamped).</param>
    /// <exception cref="ArgumentOutOfRangeException">For t ≤ 0 or not finite.</exception>
    public (double Value, double Derivative) Series(double time, double cosine)
    {
        int terms = TermCount(time);
        double c = Math.Clamp(cosine, -1, 1), lambda = (Dimension - 1) / 2.0;
        // C_l^λ and C_{l−1}^{λ+1} by their three-term recurrences
        double p0 = 1, p1 = 2 * lambda * c; // C^λ
        double q0 = 0, q1 = 1;              // C^{λ+1}_{l−1}: q for l = 0 is 0, for l = 1 is C_0 = 1
        double value = 1, derivative = 0;
        for (int l = 1; l < terms; l++)
        {
            double weight = Math.Exp(-l * (l + Dimension - 1.0) * time) * (l + lambda) / lambda;
            value += weight * p1;
            derivative += weight * 2 * lambda * q1;
            double p2 = (2 * (l + lambda) * c * p1 - (l + 2 * lambda - 1) * p0) / (l + 1);
            // C_l^{λ+1} from C_{l−1}^{λ+1}, C_{l−2}^{λ+1}: C_n^μ with n = l, μ = λ + 1
            double q2 = l == 1 ? 2 * (lambda + 1) * c : (2 * (l - 1 + lambda + 1) * c * q1 - (l - 1 + 2 * (lambda + 1) - 1) * q0) / l;
            p0 = p1; p1 = p2;
            q0 = q1; q1 = q2;
        }
        return (value, derivative);
    }

    /// <summary>k_t(c).</summary>
    /// <exception cref="ArgumentOutOfRangeException">For t ≤ 0 or not finite.</exception>
    public double Value(double time, double cosine) => Series(time, cosine).Value;

    /// <summary>|S^{d−1}|/|S^d| = Γ((d+1)/2)/(√π·Γ(d/2)): the density of θ is this times k_t(cos θ)·sin^{d−1}θ.</summary>
    public double PolarDensityConstant =>
        Math.Exp(MathNet.Numerics.SpecialFunctions.GammaLn((Dimension + 1) / 2.0) - MathNet.Numerics.SpecialFunctions.GammaLn(Dimension / 2.0)) / Math.Sqrt(Math.PI);
}
