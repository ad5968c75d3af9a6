namespace ScoreScope.Semigroups;

/// <summary>Geometry of the unit sphere S^d ⊂ ℝ^{d+1}: the on-sphere check, tangent projection and exponential map.</summary>
public static class SphereGeometry
{
    /// <summary>How far |x| may be from 1 for x to count as a point of the sphere.</summary>
    public const double Tolerance = 1e-6;

    /// <summary>Throws unless x has the given length and ||x| − 1| ≤ <see cref="Tolerance"/>.</summary>
    /// <exception cref="ArgumentException">For a wrong length, non-finite coordinates or a point off the sphere.</exception>
    public static void RequireOnSphere(ReadOnlySpan<double> x, int ambientDimension, string name)
    {
        if (x.Length != ambientDimension)
            throw new ArgumentException($"{name} needs {ambientDimension} coordinates; got {x.Length}.", name);
        double norm = 0;
        foreach (double v in x) norm += v * v;
        norm = Math.Sqrt(norm);
        if (!double.IsFinite(norm) || Math.Abs(norm - 1) > Tolerance)
            throw new ArgumentException($"{name} must lie on the unit sphere (||x| − 1| ≤ {Tolerance}); got |x| = {norm:R}.", name);
    }

    /// <summary>Projects v onto the tangent space at x in place: v ← v − ⟨v, x⟩x.</summary>
    public static void ProjectToTangent(ReadOnlySpan<double> x, Span<double> v)
    {
        double dot = 0;
        for (int j = 0; j < x.Length; j++) dot += v[j] * x[j];
        for (int j = 0; j < x.Length; j++) v[j] -= dot * x[j];
    }

    /// <summary>x ← exp_x(v) = cos|v|·x + sin|v|·v/|v| for a tangent v, renormalised to |x| = 1.</summary>
    public static void ExponentialMap(Span<double> x, ReadOnlySpan<double> v)
    {
        double norm = 0;
        foreach (double c in v) norm += c * c;
        norm = Math.Sqrt(norm);
        if (norm == 0) return;
        double cos = Math.Cos(norm), sinc = Math.Sin(norm) / norm, length = 0;
        for (int j = 0; j < x.Length; j++)
        {
            x[j] = cos * x[j] + sinc * v[j];
            length += x[j] * x[j];
        }
        length = Math.Sqrt(length);
        for (int j = 0; j < x.Length; j++) x[j] /= length;
    }
}
