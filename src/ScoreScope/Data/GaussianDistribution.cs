using ScoreScope.Numerics;
using TorchSharp;
using static TorchSharp.torch;

namespace ScoreScope.Data;

/// <summary>
/// The Gaussian N(μ, Σ) in D dimensions with full (symmetric positive semi-definite) covariance. Under a linear
/// forward process its marginal is p_t = N(aμ, a²Σ + b²I), so with the eigendecomposition Σ = QΛQᵀ
/// (C = Q(a²Λ + b²)Qᵀ): score = −C⁻¹(x − aμ), log p_t = −½(x − aμ)ᵀC⁻¹(x − aμ) − ½ log det(2πC),
/// posterior mean E[x₀ | x] = μ + aΣC⁻¹(x − aμ). A singular Σ (data on a linear subspace) is allowed for b &gt; 0.
/// </summary>
public sealed class GaussianDistribution : ExactDistribution, IDisposable
{
    readonly Tensor _mean;
    readonly Tensor _covariance;
    readonly Tensor _eigenvalues;
    readonly Tensor _eigenvectors;
    readonly Tensor _sqrtCovariance;

    /// <summary>Creates N(μ, Σ) from a mean [D] and a covariance [D, D] (copied to float64).</summary>
    /// <exception cref="ArgumentException">When shapes disagree, Σ is not symmetric, or has a negative eigenvalue.</exception>
    public GaussianDistribution(Tensor mean, Tensor covariance)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(covariance);
        if (mean.dim() != 1 || covariance.dim() != 2 || covariance.shape[0] != mean.shape[0] || covariance.shape[1] != mean.shape[0])
        {
            throw new ArgumentException(
                $"mean must be [D] and covariance [D, D]; got mean {Shapes.Format(mean)} and covariance {Shapes.Format(covariance)}.",
                nameof(covariance));
        }
        using var scope = NewDisposeScope();
        var m = mean.to_type(ScalarType.Float64).cpu().clone();
        var c = covariance.to_type(ScalarType.Float64).cpu().clone();
        double asym = (c - c.t()).abs().max().item<double>();
        double cmax = c.abs().max().item<double>();
        if (asym > 1e-10 * Math.Max(1, cmax))
            throw new ArgumentException($"covariance must be symmetric; max |Σ − Σᵀ| = {asym:G3}.", nameof(covariance));
        c = c.Add(c.t()).Multiply(0.5);
        var (values, vectors) = linalg.eigh(c);
        double minEig = values.min().item<double>();
        if (minEig < -1e-10 * Math.Max(1, cmax))
            throw new ArgumentException($"covariance must be positive semi-definite; smallest eigenvalue = {minEig:G6}.", nameof(covariance));
        values = values.ClampMin(0);
        _mean = m.DetachFromDisposeScope();
        _covariance = c.DetachFromDisposeScope();
        _eigenvalues = values.DetachFromDisposeScope();
        _eigenvectors = vectors.DetachFromDisposeScope();
        _sqrtCovariance = (vectors * values.sqrt().unsqueeze(0)).DetachFromDisposeScope();
        Dimension = mean.shape[0];
    }

    /// <summary>N(0, I_D).</summary>
    public static GaussianDistribution Standard(int dimension) =>
        WrapDisposing(zeros(dimension, dtype: ScalarType.Float64), eye(dimension, dtype: ScalarType.Float64));

    /// <summary>Creates N(μ, Σ) from arrays: μ of length D and Σ as a D×D row-major array.</summary>
    public static GaussianDistribution FromArrays(double[] mean, double[,] covariance)
    {
        int d = mean.Length;
        var flat = new double[d * d];
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) flat[i * d + j] = covariance[i, j];
        return WrapDisposing(tensor(mean, dtype: ScalarType.Float64), tensor(flat, dtype: ScalarType.Float64).reshape(d, d));
    }

    static GaussianDistribution WrapDisposing(Tensor mean, Tensor covariance)
    {
        using (mean)
        using (covariance)
        {
            return new GaussianDistribution(mean, covariance);
        }
    }

    /// <summary>The dimension D.</summary>
    public long Dimension { get; }

    /// <summary>Eigenvalues λ of Σ in ascending order, [D].</summary>
    public Tensor Eigenvalues => _eigenvalues;

    /// <summary>Orthonormal eigenvectors of Σ as columns, [D, D].</summary>
    public Tensor Eigenvectors => _eigenvectors;

    /// <inheritdoc/>
    public override long[] EventShape => [Dimension];

    /// <inheritdoc/>
    public override Tensor Mean => _mean;

    /// <inheritdoc/>
    public override Tensor Covariance => _covariance;

    /// <inheritdoc/>
    public override Tensor Sample(long count, Generator generator)
    {
        using var scope = NewDisposeScope();
        var z = randn([count, Dimension], dtype: ScalarType.Float64, generator: generator);
        return (_mean.Add(z.matmul(_sqrtCovariance.t()))).MoveToOuterDisposeScope();
    }

    /// <summary>The precision C⁻¹ = Q diag(1/(a²λ + b²)) Qᵀ of the marginal covariance C = a²Σ + b²I, [D, D].</summary>
    public Tensor MarginalPrecision(double a, double b)
    {
        using var scope = NewDisposeScope();
        var inv = (_eigenvalues.Multiply(a * a).Add(b * b)).reciprocal();
        return (_eigenvectors * inv.unsqueeze(0)).matmul(_eigenvectors.t()).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public override Tensor Score(Tensor x, double a, double b)
    {
        using var scope = NewDisposeScope();
        var centred = x.to_type(ScalarType.Float64) - _mean.Multiply(a);
        return (-centred.matmul(MarginalPrecision(a, b))).to_type(x.dtype).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public override Tensor LogDensity(Tensor x, double a, double b)
    {
        using var scope = NewDisposeScope();
        var centred = x.to_type(ScalarType.Float64) - _mean.Multiply(a);
        var quad = (centred.matmul(MarginalPrecision(a, b)) * centred).sum(1);
        double logDet = (_eigenvalues.Multiply(a * a).Add(b * b)).log().sum().item<double>();
        return (quad.Multiply(-0.5).Subtract(0.5 * (logDet + Dimension * Math.Log(2 * Math.PI)))).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public override Tensor PosteriorMean(Tensor x, double a, double b)
    {
        using var scope = NewDisposeScope();
        var centred = x.to_type(ScalarType.Float64) - _mean.Multiply(a);
        return (_mean.Add(centred.matmul(MarginalPrecision(a, b)).matmul(_covariance).Multiply(a))).to_type(x.dtype).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _mean.Dispose();
        _covariance.Dispose();
        _eigenvalues.Dispose();
        _eigenvectors.Dispose();
        _sqrtCovariance.Dispose();
    }

    /// <inheritdoc/>
    public override string ToString() => $"Gaussian(D = {Dimension})";
}
