namespace ScoreScope.Semigroups;

/// <summary>The unit sphere S^d ⊂ ℝ^{d+1} with the exponential map exp_x(v) = cos|v|·x + sin|v|·v/|v|.</summary>
/// <param name="dimension">The intrinsic dimension d ≥ 1.</param>
public sealed class UnitSphere(int dimension) : ICompactManifold
{
    /// <inheritdoc/>
    public int AmbientDimension { get; } = dimension >= 1 ? dimension + 1 : throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "d must be ≥ 1.");

    /// <inheritdoc/>
    public void ProjectToTangent(ReadOnlySpan<double> x, Span<double> v) => SphereGeometry.ProjectToTangent(x, v);

    /// <inheritdoc/>
    public void ExponentialMap(Span<double> x, ReadOnlySpan<double> v) => SphereGeometry.ExponentialMap(x, v);

    /// <inheritdoc/>
    public void SampleUniform(Span<double> x, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double norm;
        do
        {
            norm = 0;
            for (int j = 0; j < x.Length; j++)
            {
                x[j] = GaussianMixtureLine.StandardNormal(random);
                norm += x[j] * x[j];
            }
        } while (norm < 1e-300);
        norm = Math.Sqrt(norm);
        for (int j = 0; j < x.Length; j++) x[j] /= norm;
    }
}
