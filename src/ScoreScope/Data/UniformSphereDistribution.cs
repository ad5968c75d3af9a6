using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Data;

/// <summary>
/// The uniform distribution on the unit sphere S^{n−1} ⊂ R^n (the unit circle for n = 2), a manifold-supported data
/// law with exact marginal oracles (Lu, Wang, Bal 2023, arXiv 2301.07882; closed forms of docs/science/singular-scores.md §5.1).
/// With κ = a|x|/b² and ν = n/2 the posterior of x₀ given x_t = x is von Mises–Fisher, so
/// f = E[x₀ | x] = A(κ)·x/|x| with A(κ) = I_ν(κ)/I_{ν−1}(κ), the score is ∇log p_t = (a·A(κ) − |x|)/b²·x/|x| and
/// log p_t = −(n/2)log(2πb²) − (|x| − a)²/(2b²) + log[Γ(ν)(2/κ)^{ν−1}I_{ν−1}(κ)e^{−κ}].
/// </summary>
/// <remarks>
/// The radial factor is evaluated as (a − |x|) − a(1 − A(κ)) with 1 − A from <see cref="BesselRatio.OneMinusRatio"/>,
/// so no cancellation other than the genuine one in a − |x| occurs as t → 0 (tested down to b² = 10⁻⁸).
/// </remarks>
public sealed class UniformSphereDistribution : ExactDistribution, IManifold
{
    /// <summary>The uniform law on S^{n−1} ⊂ R^n.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For n &lt; 2.</exception>
    public UniformSphereDistribution(int ambientDimension)
    {
        if (ambientDimension < 2)
            throw new ArgumentOutOfRangeException(nameof(ambientDimension), ambientDimension, "the sphere S^{n−1} needs n ≥ 2.");
        AmbientDimension = ambientDimension;
    }

    /// <summary>The uniform law on the unit circle in R² (the paper's 2-D manifold example).</summary>
    public static UniformSphereDistribution Circle() => new(2);

    /// <inheritdoc/>
    public int AmbientDimension { get; }

    /// <inheritdoc/>
    public int IntrinsicDimension => AmbientDimension - 1;

    /// <inheritdoc/>
    public override long[] EventShape => [AmbientDimension];

    /// <inheritdoc/>
    public override Tensor Mean => zeros(AmbientDimension, dtype: ScalarType.Float64);

    /// <inheritdoc/>
    public override Tensor Covariance => eye(AmbientDimension, dtype: ScalarType.Float64).Divide(AmbientDimension);

    /// <inheritdoc/>
    public override Tensor Sample(long count, Generator generator)
    {
        using var scope = NewDisposeScope();
        var z = randn([count, AmbientDimension], dtype: ScalarType.Float64, generator: generator);
        return (z / z.norm(1, keepdim: true)).MoveToOuterDisposeScope();
    }

    /// <summary>The posterior-mean factor A(κ) = I_{n/2}(κ)/I_{n/2−1}(κ) = |f| of this sphere.</summary>
    public double PosteriorMeanFactor(double kappa) => BesselRatio.Ratio(AmbientDimension / 2.0, kappa);

    /// <inheritdoc/>
    public override Tensor Score(Tensor x, double a, double b)
    {
        var (values, rows) = Read(x, a, b);
        var result = new double[values.Length];
        for (int i = 0; i < rows; i++)
        {
            double r = Norm(values, i);
            if (r == 0) continue; // by symmetry f(0) = 0, so the score −x/b² vanishes
            double kappa = a * r / (b * b);
            double radial = ((a - r) - a * BesselRatio.OneMinusRatio(AmbientDimension / 2.0, kappa)) / (b * b);
            for (int j = 0; j < AmbientDimension; j++)
                result[i * AmbientDimension + j] = radial * values[i * AmbientDimension + j] / r;
        }
        return Write(result, x);
    }

    /// <inheritdoc/>
    public override Tensor PosteriorMean(Tensor x, double a, double b)
    {
        var (values, rows) = Read(x, a, b);
        var result = new double[values.Length];
        for (int i = 0; i < rows; i++)
        {
            double r = Norm(values, i);
            if (r == 0) continue;
            double factor = PosteriorMeanFactor(a * r / (b * b));
            for (int j = 0; j < AmbientDimension; j++)
                result[i * AmbientDimension + j] = factor * values[i * AmbientDimension + j] / r;
        }
        return Write(result, x);
    }

    /// <inheritdoc/>
    public override Tensor LogDensity(Tensor x, double a, double b)
    {
        var (values, rows) = Read(x, a, b);
        int n = AmbientDimension;
        double constant = -0.5 * n * Math.Log(2 * Math.PI * b * b);
        var result = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            double r = Norm(values, i);
            double kappa = a * r / (b * b);
            result[i] = constant - (r - a) * (r - a) / (2 * b * b) + BesselRatio.LogNormalisedScaledBesselI(n / 2.0 - 1, kappa);
        }
        return tensor(result, dtype: ScalarType.Float64);
    }

    /// <inheritdoc/>
    public Tensor Distance(Tensor x)
    {
        using var scope = NewDisposeScope();
        return (Check(x).norm(1).Subtract(1)).abs().MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public Tensor Project(Tensor x)
    {
        using var scope = NewDisposeScope();
        var v = Check(x);
        var r = v.norm(1, keepdim: true);
        var first = zeros_like(v);
        first[TensorIndex.Colon, 0] = 1.0;
        return where(r.Greater(0), v / r.ClampMin(double.Epsilon), first).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public Tensor TangentProjector(Tensor x)
    {
        using var scope = NewDisposeScope();
        var y = Project(x);
        var identity = eye(AmbientDimension, dtype: ScalarType.Float64).unsqueeze(0);
        return (identity - y.unsqueeze(2) * y.unsqueeze(1)).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public override string ToString() => AmbientDimension == 2 ? "UniformCircle" : $"UniformSphere(S^{AmbientDimension - 1} ⊂ R^{AmbientDimension})";

    Tensor Check(Tensor x)
    {
        if (x.dim() != 2 || x.shape[1] != AmbientDimension)
            throw new ArgumentException($"expected a batch [B, {AmbientDimension}]; got {Shapes.Format(x)}.", nameof(x));
        return x.to_type(ScalarType.Float64);
    }

    (double[] Values, int Rows) Read(Tensor x, double a, double b)
    {
        if (!(a > 0) || !(b > 0) || !double.IsFinite(a) || !double.IsFinite(b))
            throw new ArgumentOutOfRangeException(nameof(b), $"marginal coefficients must be finite and positive; got a = {a}, b = {b}.");
        using var v = Check(x).cpu().contiguous();
        return (v.data<double>().ToArray(), (int)x.shape[0]);
    }

    Tensor Write(double[] result, Tensor like) =>
        tensor(result, dtype: ScalarType.Float64).reshape(like.shape).to(like.device).to_type(like.dtype);

    double Norm(double[] values, int row)
    {
        // Scaled 2-norm (no overflow or underflow for any finite row).
        double scale = 0;
        for (int j = 0; j < AmbientDimension; j++) scale = Math.Max(scale, Math.Abs(values[row * AmbientDimension + j]));
        if (scale == 0) return 0;
        double sum = 0;
        for (int j = 0; j < AmbientDimension; j++) { double u = values[row * AmbientDimension + j] / scale; sum += u * u; }
        return scale * Math.Sqrt(sum);
    }
}
