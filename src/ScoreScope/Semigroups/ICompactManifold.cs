namespace ScoreScope.Semigroups;

/// <summary>
/// A compact manifold embedded in ℝ^n on which the reverse-time samplers move: tangent projection, the exponential map
/// (or an exact retraction) and the uniform law (the invariant law of Brownian motion).
/// </summary>
public interface ICompactManifold
{
    /// <summary>The number n of ambient coordinates of a point.</summary>
    int AmbientDimension { get; }

    /// <summary>Projects v onto the tangent space at x in place.</summary>
    void ProjectToTangent(ReadOnlySpan<double> x, Span<double> v);

    /// <summary>x ← exp_x(v) for a tangent vector v.</summary>
    void ExponentialMap(Span<double> x, ReadOnlySpan<double> v);

    /// <summary>Writes a uniform draw into x using the given generator.</summary>
    void SampleUniform(Span<double> x, Random random);
}
