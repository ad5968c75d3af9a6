namespace ScoreScope.Numerics;

/// <summary>Geometrically spaced values (equal ratios), for time and noise-variance axes of experiments and options.</summary>
public static class GeometricSpacing
{
    /// <summary><paramref name="count"/> values from <paramref name="first"/> to <paramref name="last"/> with equal
    /// ratios: first·(last/first)^{i/(count−1)}; a single value is <paramref name="first"/>.</summary>
    public static double[] Between(double first, double last, int count) =>
        Enumerable.Range(0, count).Select(i => count == 1 ? first : first * Math.Pow(last / first, (double)i / (count - 1))).ToArray();
}
