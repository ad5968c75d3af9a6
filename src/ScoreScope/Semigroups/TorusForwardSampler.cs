namespace ScoreScope.Semigroups;

/// <summary>
/// Exact forward sampling of Brownian motion with generator Δ on the flat torus T^D (and the circle, D = 1):
/// x_t = (x_0 + √(2t)·z) mod 2π, z ~ N(0, I) — the wrapped Gaussian is the heat kernel
/// (<see cref="CircleHeatKernel"/>), so there is no discretisation error.
/// </summary>
public static class TorusForwardSampler
{
    /// <summary>Returns a draw of x_t given x_0 = <paramref name="start"/>, coordinates in [0, 2π).</summary>
    /// <param name="time">t &gt; 0.</param>
    /// <param name="start">x_0, any real coordinates (taken mod 2π).</param>
    /// <param name="random">The seeded generator every normal draw comes from.</param>
    /// <exception cref="ArgumentOutOfRangeException">For t ≤ 0 or not finite.</exception>
    public static double[] Sample(double time, ReadOnlySpan<double> start, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        SemigroupChecks.RequireTime(time);
        double sd = Math.Sqrt(2 * time);
        var x = new double[start.Length];
        for (int j = 0; j < start.Length; j++) x[j] = Wrap(start[j] + sd * GaussianMixtureLine.StandardNormal(random));
        return x;
    }

    /// <summary>x mod 2π in [0, 2π).</summary>
    public static double Wrap(double x)
    {
        double r = x - 2 * Math.PI * Math.Floor(x / (2 * Math.PI));
        return r >= 2 * Math.PI ? 0 : r;
    }
}
