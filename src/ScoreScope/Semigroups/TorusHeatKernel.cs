namespace ScoreScope.Semigroups;

/// <summary>
/// The heat kernel of Brownian motion with generator Δ on the flat torus T^D = [0, 2π)^D, with respect to the uniform
/// probability measure: the product k_t(x, y) = Π_j k_t^{S¹}(x_j − y_j) of <see cref="CircleHeatKernel"/>.
/// </summary>
/// <remarks>docs/science/04 §2 (flat torus); the eigenfunctions are e^{ik·x}, λ = −|k|².</remarks>
public static class TorusHeatKernel
{
    /// <summary>k_t(x, y).</summary>
    /// <exception cref="ArgumentException">For points of different dimension.</exception>
    /// <exception cref="ArgumentOutOfRangeException">For t ≤ 0 or not finite.</exception>
    public static double Value(double time, ReadOnlySpan<double> x, ReadOnlySpan<double> y) => Math.Exp(LogValue(time, x, y));

    /// <summary>log k_t(x, y) (no underflow at small t).</summary>
    /// <exception cref="ArgumentException">For points of different dimension.</exception>
    /// <exception cref="ArgumentOutOfRangeException">For t ≤ 0 or not finite.</exception>
    public static double LogValue(double time, ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        RequireSameDimension(x, y);
        double log = 0;
        for (int j = 0; j < x.Length; j++) log += CircleHeatKernel.LogValueAndDerivative(time, x[j] - y[j]).Log;
        return log;
    }

    /// <summary>Writes ∇_x log k_t(x, y) into <paramref name="gradient"/> and returns log k_t(x, y).</summary>
    /// <exception cref="ArgumentException">For points or destination of different dimension.</exception>
    /// <exception cref="ArgumentOutOfRangeException">For t ≤ 0 or not finite.</exception>
    public static double LogGradient(double time, ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> gradient)
    {
        RequireSameDimension(x, y);
        if (gradient.Length != x.Length)
            throw new ArgumentException($"gradient needs length {x.Length}; got {gradient.Length}.", nameof(gradient));
        double log = 0;
        for (int j = 0; j < x.Length; j++)
        {
            var (l, d) = CircleHeatKernel.LogValueAndDerivative(time, x[j] - y[j]);
            log += l;
            gradient[j] = d;
        }
        return log;
    }

    static void RequireSameDimension(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length || x.Length == 0)
            throw new ArgumentException($"points need the same dimension D ≥ 1; got {x.Length} and {y.Length}.", nameof(y));
    }
}
