namespace ScoreScope.Semigroups;

/// <summary>
/// The normalised probabilists' Hermite polynomials h_n = He_n/√(n!), the orthonormal eigenfunctions of the
/// Ornstein–Uhlenbeck generator L = d²/dx² − x·d/dx in L²(N(0, 1)) with eigenvalues λ_n = −n, and their product
/// linearisation. Working with h_n instead of He_n keeps every coefficient and moment of moderate size (He_n grows
/// like √(n!)); this is the stable route of docs/science/04 §3.1 for high orders.
/// </summary>
/// <remarks>
/// Recurrence h_{n+1} = (x·h_n − √n·h_{n−1})/√(n+1) (DLMF 18.9.1 rescaled); derivative h_n' = √n·h_{n−1};
/// linearisation He_a·He_b = Σ_r C(a,r)C(b,r)r!·He_{a+b−2r} (DLMF 18.18.22 for He), rescaled to h.
/// </remarks>
public static class HermiteFunctions
{
    /// <summary>Writes h_0(x) … h_{values.Length−1}(x) into <paramref name="values"/>.</summary>
    /// <param name="x">The point (any real).</param>
    /// <param name="values">Destination, length ≥ 1: h_n(x) for n = 0 … length − 1.</param>
    public static void Evaluate(double x, Span<double> values)
    {
        if (values.Length == 0) return;
        values[0] = 1;
        if (values.Length == 1) return;
        values[1] = x;
        for (int n = 1; n + 1 < values.Length; n++)
            values[n + 1] = (x * values[n] - Math.Sqrt(n) * values[n - 1]) / Math.Sqrt(n + 1);
    }

    /// <summary>
    /// The coefficient c of h_{a+b−2r} in h_a·h_b = Σ_r c_r(a, b)·h_{a+b−2r}:
    /// c_r = √(a!·b!·(a+b−2r)!) / (r!·(a−r)!·(b−r)!), computed in log space.
    /// </summary>
    /// <param name="a">Degree of the first factor, ≥ 0.</param>
    /// <param name="b">Degree of the second factor, ≥ 0.</param>
    /// <param name="r">Summation index, 0 ≤ r ≤ min(a, b).</param>
    /// <exception cref="ArgumentOutOfRangeException">For negative degrees or r outside [0, min(a, b)].</exception>
    public static double LinearisationCoefficient(int a, int b, int r)
    {
        if (a < 0 || b < 0 || r < 0 || r > Math.Min(a, b))
            throw new ArgumentOutOfRangeException(nameof(r), $"need 0 ≤ r ≤ min(a, b) with a, b ≥ 0; got a = {a}, b = {b}, r = {r}.");
        double log = 0.5 * (LogFactorial(a) + LogFactorial(b) + LogFactorial(a + b - 2 * r))
            - LogFactorial(r) - LogFactorial(a - r) - LogFactorial(b - r);
        return Math.Exp(log);
    }

    /// <summary>log n! (exact table for n ≤ 170 through MathNet's factorial logarithm).</summary>
    internal static double LogFactorial(int n) => MathNet.Numerics.SpecialFunctions.FactorialLn(n);
}
