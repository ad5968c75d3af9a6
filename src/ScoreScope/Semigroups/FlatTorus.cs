namespace ScoreScope.Semigroups;

/// <summary>The flat torus T^D = [0, 2π)^D: every vector is tangent and exp_x(v) = (x + v) mod 2π.</summary>
/// <param name="dimension">D ≥ 1.</param>
public sealed class FlatTorus(int dimension) : ICompactManifold
{
    /// <inheritdoc/>
    public int AmbientDimension { get; } = dimension >= 1 ? dimension : throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "D must be ≥ 1.");

    /// <inheritdoc/>
    public void ProjectToTangent(ReadOnlySpan<double> x, Span<double> v) { }

    /// <inheritdoc/>
    public void ExponentialMap(Span<double> x, ReadOnlySpan<double> v)
    {
        for (int j = 0; j < x.Length; j++) x[j] = TorusForwardSampler.Wrap(x[j] + v[j]);
    }

    /// <inheritdoc/>
    public void SampleUniform(Span<double> x, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        for (int j = 0; j < x.Length; j++) x[j] = 2 * Math.PI * random.NextDouble();
    }
}
