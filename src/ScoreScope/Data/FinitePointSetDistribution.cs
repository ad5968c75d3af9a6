using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Data;

/// <summary>
/// A weighted finite point set {y_k} ⊂ R^D (a 0-dimensional "manifold", e.g. a training set), with the exact marginal
/// oracles of Lu, Wang, Bal 2023 (arXiv 2301.07882; docs/science/03 §5.1): with logits ℓ_k = log w_k − |x − a y_k|²/(2b²),
/// f = E[x₀ | x] = Σ_k softmax(ℓ)_k y_k, ∇log p_t = (a f − x)/b², log p_t = logsumexp(ℓ) − (D/2)log(2πb²).
/// </summary>
/// <remarks>Written here because the data branch's empirical distribution is not on main yet; it has the same oracles.</remarks>
public sealed class FinitePointSetDistribution : ExactDistribution, IManifold, IDisposable
{
    readonly Tensor _points;
    readonly Tensor _logWeights;
    readonly Tensor _weights;

    /// <summary>Creates the distribution from points [K, D] and optional non-negative weights [K] (uniform when null).</summary>
    /// <exception cref="ArgumentException">When shapes disagree or the weights are negative or sum to zero.</exception>
    public FinitePointSetDistribution(Tensor points, Tensor? weights = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.dim() != 2 || points.shape[0] < 1)
            throw new ArgumentException($"points must be [K, D] with K ≥ 1; got {Shapes.Format(points)}.", nameof(points));
        if (weights is not null && (weights.dim() != 1 || weights.shape[0] != points.shape[0]))
            throw new ArgumentException($"weights must be [{points.shape[0]}]; got {Shapes.Format(weights)}.", nameof(weights));
        using var scope = NewDisposeScope();
        var w = weights is null
            ? ones(points.shape[0], dtype: ScalarType.Float64)
            : weights.to_type(ScalarType.Float64).cpu().clone();
        double total = w.sum().item<double>(), smallest = w.min().item<double>();
        if (!(smallest >= 0) || !(total > 0) || !double.IsFinite(total))
            throw new ArgumentException($"weights must be non-negative with a positive finite sum; got min {smallest}, sum {total}.", nameof(weights));
        w = w.Divide(total);
        _points = points.to_type(ScalarType.Float64).cpu().clone().DetachFromDisposeScope();
        _weights = w.DetachFromDisposeScope();
        _logWeights = w.log().DetachFromDisposeScope();
        AmbientDimension = (int)points.shape[1];
    }

    /// <summary>Creates the uniform distribution on the given points (each an array of length D).</summary>
    public static FinitePointSetDistribution FromArrays(params double[][] points)
    {
        ArgumentNullException.ThrowIfNull(points);
        using var t = tensor(points.SelectMany(p => p).ToArray(), dtype: ScalarType.Float64).reshape(points.Length, -1);
        return new FinitePointSetDistribution(t);
    }

    /// <summary>The points y_k, [K, D] float64.</summary>
    public Tensor Points => _points;

    /// <summary>The normalised weights w_k, [K] float64.</summary>
    public Tensor Weights => _weights;

    /// <inheritdoc/>
    public int AmbientDimension { get; }

    /// <inheritdoc/>
    public int IntrinsicDimension => 0;

    /// <inheritdoc/>
    public override long[] EventShape => [AmbientDimension];

    /// <inheritdoc/>
    public override Tensor Mean => _weights.matmul(_points);

    /// <inheritdoc/>
    public override Tensor Sample(long count, Generator generator)
    {
        using var scope = NewDisposeScope();
        var index = multinomial(_weights, count, replacement: true, generator: generator);
        return _points.index_select(0, index).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public override Tensor PosteriorMean(Tensor x, double a, double b)
    {
        using var scope = NewDisposeScope();
        var responsibilities = Logits(x, a, b).softmax(1);
        return responsibilities.matmul(_points).to_type(x.dtype).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public override Tensor Score(Tensor x, double a, double b)
    {
        using var scope = NewDisposeScope();
        var responsibilities = Logits(x, a, b).softmax(1);
        var f = responsibilities.matmul(_points);
        return ((f.Multiply(a) - x.to_type(ScalarType.Float64)).Divide(b * b)).to_type(x.dtype).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public override Tensor LogDensity(Tensor x, double a, double b)
    {
        using var scope = NewDisposeScope();
        var logits = Logits(x, a, b);
        return (logits.logsumexp(1).Subtract(0.5 * AmbientDimension * Math.Log(2 * Math.PI * b * b))).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public Tensor Distance(Tensor x)
    {
        using var scope = NewDisposeScope();
        return SquaredDistances(Check(x), 1.0).min(1).values.sqrt().MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public Tensor Project(Tensor x)
    {
        using var scope = NewDisposeScope();
        var nearest = SquaredDistances(Check(x), 1.0).argmin(1);
        return _points.index_select(0, nearest).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public Tensor TangentProjector(Tensor x) => zeros([x.shape[0], AmbientDimension, AmbientDimension], dtype: ScalarType.Float64);

    /// <inheritdoc/>
    public void Dispose()
    {
        _points.Dispose();
        _weights.Dispose();
        _logWeights.Dispose();
    }

    /// <inheritdoc/>
    public override string ToString() => $"FinitePointSet(K = {_points.shape[0]}, D = {AmbientDimension})";

    Tensor Logits(Tensor x, double a, double b)
    {
        if (!(a > 0) || !(b > 0) || !double.IsFinite(a) || !double.IsFinite(b))
            throw new ArgumentOutOfRangeException(nameof(b), $"marginal coefficients must be finite and positive; got a = {a}, b = {b}.");
        return _logWeights.unsqueeze(0) - SquaredDistances(Check(x), a).Divide(2 * b * b);
    }

    /// <summary>|x_i − a y_k|², [B, K], by explicit differences (no |x|² + |y|² − 2x·y cancellation).</summary>
    Tensor SquaredDistances(Tensor x, double a) => (x.unsqueeze(1) - _points.unsqueeze(0).Multiply(a)).Square().sum(2);

    Tensor Check(Tensor x)
    {
        if (x.dim() != 2 || x.shape[1] != AmbientDimension)
            throw new ArgumentException($"expected a batch [B, {AmbientDimension}]; got {Shapes.Format(x)}.", nameof(x));
        return x.to_type(ScalarType.Float64).to(_points.device);
    }
}
