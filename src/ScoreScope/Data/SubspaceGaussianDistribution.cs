using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Data;

/// <summary>
/// A Gaussian supported on a linear subspace: x₀ = U z with U [D, d] orthonormal columns and z ~ N(0, Σ), the flat
/// manifold case of Lu, Wang, Bal 2023 (arXiv 2301.07882; docs/science/03 §5.1): f = aUΣ(a²Σ + b²I)⁻¹Uᵀx and
/// ∇log p_t = −(I − UUᵀ)x/b² − U(a²Σ + b²I)⁻¹Uᵀx, whose normal part blows up like dist/b² while the tangential
/// part stays bounded. The oracles are those of <see cref="GaussianDistribution"/> with the singular covariance UΣUᵀ.
/// </summary>
public sealed class SubspaceGaussianDistribution : ExactDistribution, IManifold, IDisposable
{
    readonly GaussianDistribution _gaussian;
    readonly Tensor _basis;
    readonly Tensor _projector;

    /// <summary>Creates the law of U z, z ~ N(0, Σ), from a basis U [D, d] with orthonormal columns and Σ [d, d].</summary>
    /// <exception cref="ArgumentException">When shapes disagree, d ≥ D, or the columns of U are not orthonormal.</exception>
    public SubspaceGaussianDistribution(Tensor basis, Tensor covariance)
    {
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentNullException.ThrowIfNull(covariance);
        if (basis.dim() != 2 || basis.shape[1] >= basis.shape[0] || covariance.dim() != 2
            || covariance.shape[0] != basis.shape[1] || covariance.shape[1] != basis.shape[1])
        {
            throw new ArgumentException(
                $"basis must be [D, d] with d < D and covariance [d, d]; got basis {Shapes.Format(basis)} and covariance {Shapes.Format(covariance)}.",
                nameof(basis));
        }
        using var scope = NewDisposeScope();
        var u = basis.to_type(ScalarType.Float64).cpu().clone();
        double defect = (u.t().matmul(u) - eye(u.shape[1], dtype: ScalarType.Float64)).abs().max().item<double>();
        if (defect > 1e-10)
            throw new ArgumentException($"basis columns must be orthonormal; max |UᵀU − I| = {defect:G3}.", nameof(basis));
        var full = u.matmul(covariance.to_type(ScalarType.Float64).cpu()).matmul(u.t());
        _gaussian = new GaussianDistribution(zeros(u.shape[0], dtype: ScalarType.Float64), 0.5 * (full + full.t()));
        _basis = u.DetachFromDisposeScope();
        _projector = u.matmul(u.t()).DetachFromDisposeScope();
        AmbientDimension = (int)u.shape[0];
        IntrinsicDimension = (int)u.shape[1];
    }

    /// <summary>N(0, variance) on the line through 0 with unit direction (cos θ, sin θ) in R².</summary>
    public static SubspaceGaussianDistribution Line(double angle, double variance)
    {
        using var u = tensor(new[] { Math.Cos(angle), Math.Sin(angle) }, dtype: ScalarType.Float64).reshape(2, 1);
        using var c = tensor(new[] { variance }, dtype: ScalarType.Float64).reshape(1, 1);
        return new SubspaceGaussianDistribution(u, c);
    }

    /// <summary>The orthonormal basis U [D, d].</summary>
    public Tensor Basis => _basis;

    /// <inheritdoc/>
    public int AmbientDimension { get; }

    /// <inheritdoc/>
    public int IntrinsicDimension { get; }

    /// <inheritdoc/>
    public override long[] EventShape => [AmbientDimension];

    /// <inheritdoc/>
    public override Tensor Mean => _gaussian.Mean;

    /// <inheritdoc/>
    public override Tensor Covariance => _gaussian.Covariance;

    /// <inheritdoc/>
    public override Tensor Sample(long count, Generator generator) => _gaussian.Sample(count, generator);

    /// <inheritdoc/>
    public override Tensor Score(Tensor x, double a, double b) => _gaussian.Score(x, a, b);

    /// <inheritdoc/>
    public override Tensor LogDensity(Tensor x, double a, double b) => _gaussian.LogDensity(x, a, b);

    /// <inheritdoc/>
    public override Tensor PosteriorMean(Tensor x, double a, double b) => _gaussian.PosteriorMean(x, a, b);

    /// <inheritdoc/>
    public Tensor Distance(Tensor x)
    {
        using var scope = NewDisposeScope();
        var v = Check(x);
        return (v - v.matmul(_projector)).norm(1).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public Tensor Project(Tensor x)
    {
        using var scope = NewDisposeScope();
        return Check(x).matmul(_projector).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public Tensor TangentProjector(Tensor x) => _projector.unsqueeze(0).expand(x.shape[0], AmbientDimension, AmbientDimension).clone();

    /// <inheritdoc/>
    public void Dispose()
    {
        _gaussian.Dispose();
        _basis.Dispose();
        _projector.Dispose();
    }

    /// <inheritdoc/>
    public override string ToString() => $"SubspaceGaussian(d = {IntrinsicDimension}, D = {AmbientDimension})";

    Tensor Check(Tensor x)
    {
        if (x.dim() != 2 || x.shape[1] != AmbientDimension)
            throw new ArgumentException($"expected a batch [B, {AmbientDimension}]; got {Shapes.Format(x)}.", nameof(x));
        return x.to_type(ScalarType.Float64).to(_projector.device);
    }
}
