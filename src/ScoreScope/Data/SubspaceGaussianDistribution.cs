using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Data;

/// <summary>
/// A Gaussian supported on a linear subspace: x₀ = U z with U [D, d] orthonormal columns and z ~ N(0, Σ), the flat
/// manifold case of Lu, Wang, Bal 2023 (arXiv 2301.07882; docs/science/singular-scores.md §5.1): f = aUΣ(a²Σ + b²I)⁻¹Uᵀx and
/// ∇log p_t = −(I − UUᵀ)x/b² − U(a²Σ + b²I)⁻¹Uᵀx, whose normal part blows up like dist/b² while the tangential
/// part stays bounded. The oracles are those of <see cref="GaussianDistribution"/> with the singular covariance UΣUᵀ.
/// </summary>
public sealed class SubspaceGaussianDistribution : ExactDistribution, IManifold, IDisposable
{
    readonly GaussianDistribution _gaussian;
    readonly Tensor _basis;
    readonly Tensor _projector;
    readonly Tensor _covarianceEigenvalues;

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
        _gaussian = new GaussianDistribution(zeros(u.shape[0], dtype: ScalarType.Float64), full.Add(full.t()).Multiply(0.5));
        _basis = u.DetachFromDisposeScope();
        _projector = u.matmul(u.t()).DetachFromDisposeScope();
        var sigma = covariance.to_type(ScalarType.Float64).cpu();
        _covarianceEigenvalues = linalg.eigvalsh(sigma.Add(sigma.t()).Multiply(0.5)).DetachFromDisposeScope();
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

    /// <summary>
    /// A random linear Gaussian manifold (Ventura et al. 2024, arXiv 2410.05898, §6; docs/science/spectral-gaps.md §2.2–2.3):
    /// x₀ = F z with z ~ N(0, I_m), F = [F₁ … F_K] ∈ R^{D×m}, m = Σ m_k, and F_k [D, m_k] with iid entries N(0, σ_k²/D).
    /// The covariance is C = F Fᵀ = U Λ Uᵀ (U from the SVD of F), whose m nonzero eigenvalues follow the
    /// Marchenko–Pastur law (one block, ratio α = m/D) or its generalisation (several blocks, population variances τ_k
    /// = σ_k², weights m_k/m).
    /// </summary>
    /// <param name="ambientDimension">D, larger than the total block dimension m.</param>
    /// <param name="blocks">The blocks (m_k, σ_k), at least one.</param>
    /// <param name="generator">The generator F is drawn from.</param>
    /// <exception cref="ArgumentException">When there is no block, a block is invalid, or m ≥ D.</exception>
    public static SubspaceGaussianDistribution RandomFactor(int ambientDimension, IReadOnlyList<VarianceBlock> blocks, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(generator);
        if (blocks.Count == 0)
            throw new ArgumentException("at least one variance block is required.", nameof(blocks));
        foreach (var block in blocks)
        {
            if (block.Dimension < 1 || !(block.StandardDeviation > 0) || !double.IsFinite(block.StandardDeviation))
                throw new ArgumentException($"each block needs dimension ≥ 1 and a finite σ > 0; got {block}.", nameof(blocks));
        }
        int m = blocks.Sum(b => b.Dimension);
        if (m >= ambientDimension)
            throw new ArgumentException($"the total block dimension m = {m} must be smaller than the ambient dimension D = {ambientDimension}.", nameof(ambientDimension));
        using var scope = NewDisposeScope();
        var columns = blocks.Select(b =>
            randn([ambientDimension, b.Dimension], dtype: ScalarType.Float64, generator: generator).Multiply(b.StandardDeviation / Math.Sqrt(ambientDimension)));
        var factor = cat(columns.ToArray(), 1);
        var (u, s, _) = linalg.svd(factor, fullMatrices: false);
        var distribution = new SubspaceGaussianDistribution(u, diag(s.Square()));
        distribution.Blocks = blocks.ToArray();
        return distribution;
    }

    /// <summary>
    /// The law of x₀ = F z, z ~ N(0, I_m), for any factor F [D, m] with m &lt; D and full column rank — no need to
    /// orthonormalise by hand: the thin SVD F = U S Vᵀ gives the basis U and the tangent covariance S² (the data
    /// covariance F Fᵀ = U S² Uᵀ).
    /// </summary>
    /// <exception cref="ArgumentException">When F is not [D, m] with 1 ≤ m &lt; D, is not finite, or is rank-deficient
    /// (smallest singular value ≤ 10⁻¹²·largest).</exception>
    public static SubspaceGaussianDistribution FromFactor(Tensor factor)
    {
        ArgumentNullException.ThrowIfNull(factor);
        if (factor.dim() != 2 || factor.shape[1] < 1 || factor.shape[1] >= factor.shape[0])
            throw new ArgumentException($"a factor must be [D, m] with 1 ≤ m < D; got {Shapes.Format(factor)}.", nameof(factor));
        using var scope = NewDisposeScope();
        var f = factor.to_type(ScalarType.Float64).cpu();
        if (!f.isfinite().all().item<bool>())
            throw new ArgumentException("the factor has non-finite entries.", nameof(factor));
        var (u, s, _) = linalg.svd(f, fullMatrices: false);
        double largest = s.max().item<double>(), smallest = s.min().item<double>();
        if (!(smallest > 1e-12 * largest))
            throw new ArgumentException($"the factor {Shapes.Format(factor)} is rank-deficient: singular values from {largest:G3} down to {smallest:G3}.", nameof(factor));
        return new SubspaceGaussianDistribution(u, diag(s.Square()));
    }

    /// <summary>The variance blocks this manifold was drawn from (<see cref="RandomFactor"/>), or null.</summary>
    public IReadOnlyList<VarianceBlock>? Blocks { get; private set; }

    /// <summary>
    /// The eigenvalues λ₁ ≤ … ≤ λ_d of the tangent covariance Σ (the nonzero eigenvalues of the data covariance
    /// UΣUᵀ), ascending, float64 [d].
    /// </summary>
    public Tensor CovarianceEigenvalues => _covarianceEigenvalues;

    /// <summary>
    /// The exact score Jacobian J = ∇ₓ s = −(a²UΣUᵀ + b²I)⁻¹ of the marginal of x_t = a x₀ + b z, [D, D] float64,
    /// symmetric and the same at every x (docs/science/spectral-gaps.md §5 oracle 1). Convention: the paper's time is the noise
    /// variance t = b²/a² (VE: a = 1, t = b²), and b²J has the eigenvalues −1 (D − d times) and −t/(t + λ_i)
    /// (oracle 2).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Unless a &gt; 0 and b &gt; 0.</exception>
    public Tensor ScoreJacobian(double a, double b)
    {
        if (!(a > 0) || !(b > 0))
            throw new ArgumentOutOfRangeException(nameof(b), $"the Jacobian needs a > 0 and b > 0; got a = {a}, b = {b}.");
        using var scope = NewDisposeScope();
        return (-_gaussian.MarginalPrecision(a, b)).MoveToOuterDisposeScope();
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
        _covarianceEigenvalues.Dispose();
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
