using MathNet.Numerics.Integration;

namespace ScoreScope.Semigroups;

/// <summary>
/// The heat kernel of Brownian motion with generator Δ on the unit sphere S², with respect to the uniform probability
/// measure, as a function of the geodesic distance θ, valid at every t: the Legendre series
/// k_t = Σ(2l+1)e^{−l(l+1)t}P_l(cos θ) for t ≥ <see cref="SwitchTime"/>, and below it McKean's exact short-time
/// representation k_t(θ) = 4π·√2·e^{t/4}/(4πt)^{3/2}·Σ_n (−1)^n ∫_θ^π (φ + 2πn)e^{−(φ+2πn)²/4t}/√(cos θ − cos φ) dφ,
/// whose leading behaviour is the Varadhan/Minakshisundaram term (1/t)·√(θ/sin θ)·e^{−θ²/4t} with correction
/// ≈ e^{t/3}.
/// </summary>
/// <remarks>
/// docs/science/operator-informed.md §2 (sphere S², small-time behaviour) and §5.6. The integral form is the Abel-transform
/// representation of the S² heat kernel (McKean 1970, "An upper bound to the spectrum of Δ on a manifold of negative
/// curvature", and Chavel, "Eigenvalues in Riemannian Geometry" §X); it was checked here against the series to 1e-10.
/// It is evaluated by the substitution φ = θ + u² (which removes the endpoint singularity) and 16-point
/// Gauss–Legendre panels with breakpoints geometric in u from √θ, cut where e^{−((θ+u²)²−θ²)/4t} &lt; e^{−50}; the
/// images n = −2 … 2 are kept (the others are below e^{−400} for t ≤ <see cref="SwitchTime"/>).
/// </remarks>
public static class SphereHeatKernel
{
    /// <summary>Below this time the short-time form is used (the series then needs ≥ 35 terms).</summary>
    public const double SwitchTime = 0.05;

    /// <summary>Below this angle the θ-derivative is continued linearly (k' is odd in θ), relative error ~θ₀²/t.</summary>
    const double SmallAngle = 1e-6;

    /// <summary>Within this distance of the antipode k is continued as an even quadratic in π − θ (the integral form's
    /// two terms each grow like 1/(π − θ) there).</summary>
    const double AntipodeGap = 1e-4;

    static readonly HypersphereHeatKernel Series2 = new(2);

    /// <summary>(k_t(θ), dk_t/dθ) with the switch at <see cref="SwitchTime"/>.</summary>
    /// <param name="time">t &gt; 0.</param>
    /// <param name="angle">θ ∈ [0, π] (clamped).</param>
    /// <exception cref="ArgumentOutOfRangeException">For t ≤ 0 or not finite.</exception>
    public static (double Value, double Derivative) Evaluate(double time, double angle)
    {
        SemigroupChecks.RequireTime(time);
        double theta = Math.Clamp(angle, 0, Math.PI);
        return UsesSeries(time, theta) ? LegendreSeries(time, theta) : ShortTime(time, theta);
    }

    /// <summary>(log k_t(θ), d/dθ log k_t(θ)) with the switch of <see cref="Evaluate"/>, without underflow far from
    /// the diagonal at small t (the short-time form carries e^{−θ²/4t} in log space).</summary>
    /// <exception cref="ArgumentOutOfRangeException">For t ≤ 0 or not finite.</exception>
    public static (double Log, double LogDerivative) LogEvaluate(double time, double angle)
    {
        SemigroupChecks.RequireTime(time);
        double theta = Math.Clamp(angle, 0, Math.PI);
        if (UsesSeries(time, theta))
        {
            var (v, d) = LegendreSeries(time, theta);
            return (Math.Log(v), d / v);
        }
        var (logScale, value, derivative) = ShortTimeScaled(time, theta);
        return (logScale + Math.Log(value), derivative / value);
    }

    /// <summary>Whether <see cref="Evaluate"/> uses the Legendre series at (t, θ): the series loses relative precision
    /// where k ≪ k(0) (rounding ~1e-16·k(0)), so the exact integral form is used there as well, up to t = 0.25 where
    /// e^{−π²/4t} &gt; 5e-5 keeps the series accurate everywhere.</summary>
    internal static bool UsesSeries(double time, double theta) => time >= SwitchTime && (theta * theta / (4 * time) < 9 || time >= 0.25);

    /// <summary>The angle below which <see cref="UsesSeries"/> holds at t: 0 for t &lt; <see cref="SwitchTime"/>, 6√t
    /// (θ²/4t = 9) up to t = 0.25, +∞ from there on.</summary>
    internal static double SeriesAngleLimit(double time) =>
        time < SwitchTime ? 0 : time >= 0.25 ? double.PositiveInfinity : 6 * Math.Sqrt(time);

    /// <summary>The Legendre series and its θ-derivative −sin θ·dk/dc.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For t ≤ 0 or not finite.</exception>
    public static (double Value, double Derivative) LegendreSeries(double time, double angle)
    {
        double theta = Math.Clamp(angle, 0, Math.PI);
        var (v, dc) = Series2.Series(time, Math.Cos(theta));
        return (v, -Math.Sin(theta) * dc);
    }

    /// <summary>The leading short-time term (1/t)·√(θ/sin θ)·e^{−θ²/4t} (θ &lt; π).</summary>
    /// <exception cref="ArgumentOutOfRangeException">For t ≤ 0 or not finite.</exception>
    public static double LeadingShortTimeTerm(double time, double angle)
    {
        SemigroupChecks.RequireTime(time);
        double theta = Math.Clamp(angle, 0, Math.PI);
        double ratio = theta < 1e-8 ? 1 : theta / Math.Sin(theta);
        return Math.Sqrt(ratio) * Math.Exp(-theta * theta / (4 * time)) / time;
    }

    /// <summary>McKean's exact integral representation and its θ-derivative (accurate for t ≤ <see cref="SwitchTime"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">For t ≤ 0 or not finite.</exception>
    public static (double Value, double Derivative) ShortTime(double time, double angle)
    {
        var (logScale, value, derivative) = ShortTimeScaled(time, angle);
        double scale = Math.Exp(logScale);
        return (scale * value, scale * derivative);
    }

    /// <summary>The short-time form as e^{logScale}·(value, derivative).</summary>
    static (double LogScale, double Value, double Derivative) ShortTimeScaled(double time, double angle)
    {
        SemigroupChecks.RequireTime(time);
        double theta = Math.Clamp(angle, 0, Math.PI);
        if (theta > Math.PI - AntipodeGap)
        {
            // k is even about θ = π: k ≈ k(π) + a(π − θ)², k' ≈ −2a(π − θ), matched at θ₁ = π − gap
            var (s1, v1, d1) = ShortTimeScaled(time, Math.PI - AntipodeGap);
            double a = -d1 / (2 * AntipodeGap);
            double r = Math.PI - theta;
            return (s1, v1 - a * AntipodeGap * AntipodeGap + a * r * r, -2 * a * r);
        }
        if (theta > 0 && theta < SmallAngle)
        {
            var (s1, v, d) = ShortTimeScaled(time, SmallAngle);
            var (s0, v0, _) = ShortTimeScaled(time, 0);
            v0 *= Math.Exp(s0 - s1);
            // k is even in θ: k(θ) ≈ k(0) + (k(θ₀) − k(0))·θ²/θ₀², k'(θ) ≈ k'(θ₀)·θ/θ₀
            return (s1, v0 + (v - v0) * (theta * theta) / (SmallAngle * SmallAngle), d * theta / SmallAngle);
        }
        double prefactor = 4 * Math.PI * Math.Sqrt(2) * Math.Exp(time / 4) / Math.Pow(4 * Math.PI * time, 1.5);
        double upper = Math.Sqrt(Math.PI - theta);
        double cut = Math.Sqrt(Math.Sqrt(theta * theta + 200 * time) - theta);
        bool boundary = cut >= upper;
        double end = Math.Min(upper, cut);
        // scale out e^{−θ²/4t} so that nothing underflows before the final product
        double shift = theta * theta / (4 * time);
        double value = 0, derivative = 0;
        foreach (var (a, b) in Panels(theta, end))
        {
            value += GaussLegendreRule.Integrate(u => Integrand(time, theta, u, shift).Value, a, b, 16);
            if (theta > 0) derivative += GaussLegendreRule.Integrate(u => Integrand(time, theta, u, shift).Derivative, a, b, 16);
        }
        if (boundary && theta > 0)
        {
            // Leibniz term f(U)·dU/dθ with U = √(π − θ): f(U) = 2U·g(π)/√(1 + cos θ), dU/dθ = −1/(2U)
            derivative -= Images(time, Math.PI, shift).G / Math.Sqrt(1 + Math.Cos(theta));
        }
        return (Math.Log(prefactor) - shift, value, derivative);
    }

    static IEnumerable<(double, double)> Panels(double theta, double end)
    {
        double start = Math.Min(Math.Sqrt(Math.Max(theta, 1e-12)), end / 8);
        double a = 0, b = start;
        while (a < end)
        {
            b = Math.Min(b, end);
            yield return (a, b);
            a = b;
            b = Math.Min(2 * b, a + end / 8);
        }
    }

    /// <summary>f(u) = 2u·g(θ + u²)/√D and ∂f/∂θ, D = cos θ − cos φ = 2 sin(θ + u²/2)·sin(u²/2).</summary>
    static (double Value, double Derivative) Integrand(double time, double theta, double u, double shift)
    {
        if (u == 0) return (0, 0);
        double half = u * u / 2;
        double sinHalf = Math.Sin(half), sinMid = Math.Sin(theta + half);
        double d = 2 * sinMid * sinHalf;
        if (!(d > 0)) return (0, 0);
        var (g, dg) = Images(time, theta + u * u, shift);
        double root = Math.Sqrt(d);
        double value = 2 * u * g / root;
        double dd = 2 * Math.Cos(theta + half) * sinHalf;
        double derivative = 2 * u * (dg / root - g * dd / (2 * d * root));
        return (value, derivative);
    }

    /// <summary>g(φ) = Σ_n (−1)^n a·e^{−a²/4t + shift}, a = φ + 2πn, and g'(φ).</summary>
    static (double G, double DG) Images(double time, double phi, double shift)
    {
        double g = 0, dg = 0;
        for (int n = -2; n <= 2; n++)
        {
            double a = phi + 2 * Math.PI * n;
            double e = Math.Exp(-a * a / (4 * time) + shift) * (n % 2 == 0 ? 1 : -1);
            g += a * e;
            dg += e * (1 - a * a / (2 * time));
        }
        return (g, dg);
    }
}
