using MathNet.Numerics.LinearAlgebra;

namespace ScoreScope.Semigroups;

/// <summary>
/// OISM for the d-dimensional Ornstein–Uhlenbeck process under the product assumption: ψ_t(y) = Σ_j Σ_n β_{jn}h_n(y_j)
/// in coordinates y = Rᵀx (R = I, or the principal axes of the data), so A_t is block-diagonal (d blocks of N × N,
/// one <see cref="OrnsteinUhlenbeckOism"/> per coordinate) and s̃_t(x) = R·(∂_jψ_t(y) − y) = R·s̃(y). The rotation
/// keeps μ = N(0, I) invariant, so OU acts coordinate-wise in y.
/// </summary>
/// <remarks>
/// Shen et al. (2025), arXiv 2406.09084v2 (high-dimensional OISM: product eigenfunctions, optional PCA with
/// "components = data dimension", cost linear in d); docs/science/operator-informed.md §3.1. R: eigenvectors of the sample covariance
/// (MathNet symmetric EVD), used as a rotation only (no centring, which would move μ).
/// </remarks>
public sealed class ProductHermiteOism
{
    readonly Matrix<double> _rotation;
    readonly OrnsteinUhlenbeckOism[] _coordinates;

    /// <summary>Builds the estimator from data x_1 … x_n ∈ ℝ^d (one pass per coordinate for the moments).</summary>
    /// <param name="points">n ≥ 2 points of dimension d ≥ 1.</param>
    /// <param name="basisSize">N ≥ 1 eigenfunctions per coordinate.</param>
    /// <param name="principalComponents">Rotate to the principal axes of the sample covariance first.</param>
    /// <param name="shrinkage">Shrinkage of the sample means.</param>
    /// <exception cref="ArgumentException">For fewer than 2 points, ragged or non-finite points.</exception>
    /// <exception cref="ArgumentOutOfRangeException">For N &lt; 1.</exception>
    public ProductHermiteOism(IReadOnlyList<double[]> points, int basisSize, bool principalComponents = false,
        MomentShrinkage shrinkage = MomentShrinkage.None)
    {
        ArgumentNullException.ThrowIfNull(points);
        SemigroupChecks.RequireBasisSize(basisSize, nameof(basisSize));
        if (points.Count < 2 || points[0].Length == 0)
            throw new ArgumentException("need at least 2 points of dimension ≥ 1.", nameof(points));
        Dimension = points[0].Length;
        if (points.Any(p => p.Length != Dimension || p.Any(v => !double.IsFinite(v))))
            throw new ArgumentException($"every point needs {Dimension} finite coordinates.", nameof(points));
        var x = Matrix<double>.Build.Dense(points.Count, Dimension, (i, j) => points[i][j]);
        _rotation = principalComponents ? PrincipalAxes(x) : Matrix<double>.Build.DenseIdentity(Dimension);
        var y = x * _rotation;
        int degree = OrnsteinUhlenbeckOism.RequiredMomentDegree(basisSize);
        _coordinates = new OrnsteinUhlenbeckOism[Dimension];
        for (int j = 0; j < Dimension; j++)
            _coordinates[j] = new OrnsteinUhlenbeckOism(HermiteMoments.FromSamples(y.Column(j).ToArray(), degree, shrinkage), basisSize);
        BasisSize = basisSize;
    }

    /// <summary>The dimension d.</summary>
    public int Dimension { get; }

    /// <summary>N, eigenfunctions per coordinate.</summary>
    public int BasisSize { get; }

    /// <summary>The rotation R (columns: the axes), d × d.</summary>
    public double[,] Rotation => _rotation.ToArray();

    /// <summary>β̂_t per coordinate: [d][N].</summary>
    /// <exception cref="ArgumentOutOfRangeException">For t negative or not finite.</exception>
    public double[][] Coefficients(double time) => _coordinates.Select(c => c.Coefficients(time)).ToArray();

    /// <summary>s̃_t(x) for coefficients from <see cref="Coefficients"/>.</summary>
    /// <exception cref="ArgumentException">For x of the wrong dimension.</exception>
    public double[] Score(double[][] coefficients, ReadOnlySpan<double> x)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        if (x.Length != Dimension) throw new ArgumentException($"x needs dimension {Dimension}; got {x.Length}.", nameof(x));
        var xv = Vector<double>.Build.DenseOfArray(x.ToArray());
        var y = _rotation.TransposeThisAndMultiply(xv);
        var s = Vector<double>.Build.Dense(Dimension);
        for (int j = 0; j < Dimension; j++) s[j] = OrnsteinUhlenbeckOism.Score(coefficients[j], y[j]);
        return (_rotation * s).ToArray();
    }

    static Matrix<double> PrincipalAxes(Matrix<double> x)
    {
        var mean = x.ColumnSums() / x.RowCount;
        var centred = x - Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount, (i, j) => mean[j]);
        var covariance = centred.TransposeThisAndMultiply(centred) / (x.RowCount - 1);
        return covariance.Evd(Symmetricity.Symmetric).EigenVectors;
    }
}
