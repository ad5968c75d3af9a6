using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Data;

/// <summary>
/// A finite Gaussian mixture Σₖ wₖ N(μₖ, Σₖ). Under a linear forward process every component is pushed forward
/// exactly (<see cref="GaussianDistribution"/>), so log p_t = logsumexpₖ(log wₖ + log pₖ,t) and the score is the
/// responsibility-weighted average of the component scores, computed stably in log space.
/// </summary>
public sealed class GaussianMixtureDistribution : ExactDistribution, IDisposable
{
    readonly GaussianDistribution[] _components;
    readonly double[] _logWeights;
    readonly Tensor _means;        // [K, D]
    readonly Tensor _eigenvalues;  // [K, D]
    readonly Tensor _eigenvectors; // [K, D, D]
    readonly Tensor _eigenvectorsTransposed; // [K, D, D], contiguous (a transposed view makes bmm slow)
    readonly Tensor _logWeightsColumn; // [K, 1]

    /// <summary>Creates the mixture; weights must be positive (they are normalised) and components of one dimension.</summary>
    /// <exception cref="ArgumentException">For mismatched lengths or dimensions, or non-positive weights.</exception>
    public GaussianMixtureDistribution(IReadOnlyList<double> weights, IReadOnlyList<GaussianDistribution> components)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(components);
        if (weights.Count != components.Count || components.Count == 0)
            throw new ArgumentException($"need one weight per component and at least one component; got {weights.Count} weights and {components.Count} components.", nameof(weights));
        for (int k = 0; k < weights.Count; k++)
        {
            if (!(weights[k] > 0) || !double.IsFinite(weights[k]))
                throw new ArgumentException($"weights must be finite and > 0; weights[{k}] = {weights[k]}.", nameof(weights));
            if (components[k].Dimension != components[0].Dimension)
                throw new ArgumentException($"all components must have one dimension; component 0 has {components[0].Dimension}, component {k} has {components[k].Dimension}.", nameof(components));
        }
        double total = weights.Sum();
        Weights = weights.Select(w => w / total).ToArray();
        _logWeights = Weights.Select(w => Math.Log(w)).ToArray();
        _components = components.ToArray();
        Dimension = _components[0].Dimension;
        _means = stack(_components.Select(c => c.Mean)).DetachFromDisposeScope();
        _eigenvalues = stack(_components.Select(c => c.Eigenvalues)).DetachFromDisposeScope();
        _eigenvectors = stack(_components.Select(c => c.Eigenvectors)).DetachFromDisposeScope();
        _eigenvectorsTransposed = _eigenvectors.transpose(1, 2).contiguous().DetachFromDisposeScope();
        _logWeightsColumn = tensor(_logWeights, dtype: ScalarType.Float64).unsqueeze(1).DetachFromDisposeScope();
    }

    /// <summary>
    /// The 2-D benchmark <c>gmm8</c>: 8 equal-weight Gaussians with means r·(cos 2πk/8, sin 2πk/8), r = 4, and
    /// isotropic standard deviation 0.5.
    /// </summary>
    public static GaussianMixtureDistribution Ring(int modes = 8, double radius = 4.0, double standardDeviation = 0.5)
    {
        if (modes < 1) throw new ArgumentOutOfRangeException(nameof(modes), modes, "need at least one mode.");
        if (!(radius >= 0)) throw new ArgumentOutOfRangeException(nameof(radius), radius, "radius must be ≥ 0.");
        if (!(standardDeviation > 0)) throw new ArgumentOutOfRangeException(nameof(standardDeviation), standardDeviation, "standard deviation must be > 0.");
        var comps = new GaussianDistribution[modes];
        double v = standardDeviation * standardDeviation;
        for (int k = 0; k < modes; k++)
        {
            double angle = 2 * Math.PI * k / modes;
            comps[k] = GaussianDistribution.FromArrays([radius * Math.Cos(angle), radius * Math.Sin(angle)], new[,] { { v, 0 }, { 0, v } });
        }
        return new GaussianMixtureDistribution(Enumerable.Repeat(1.0, modes).ToArray(), comps);
    }

    /// <summary>The normalised weights wₖ.</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>The components.</summary>
    public IReadOnlyList<GaussianDistribution> Components => _components;

    /// <summary>The dimension D.</summary>
    public long Dimension { get; }

    /// <inheritdoc/>
    public override long[] EventShape => [Dimension];

    /// <inheritdoc/>
    public override Tensor Mean
    {
        get
        {
            using var scope = NewDisposeScope();
            var m = zeros(Dimension, dtype: ScalarType.Float64);
            for (int k = 0; k < _components.Length; k++) m = m.Add(_components[k].Mean.Multiply(Weights[k]));
            return m.MoveToOuterDisposeScope();
        }
    }

    /// <inheritdoc/>
    public override Tensor Covariance
    {
        get
        {
            using var scope = NewDisposeScope();
            var mean = Mean;
            var c = zeros(Dimension, Dimension, dtype: ScalarType.Float64);
            for (int k = 0; k < _components.Length; k++)
            {
                var dm = _components[k].Mean - mean;
                c = c.Add(_components[k].Covariance.Add(outer(dm, dm)).Multiply(Weights[k]));
            }
            return c.MoveToOuterDisposeScope();
        }
    }

    /// <summary>Index of the component with the largest responsibility at t = 0 for each sample ([B], int64).</summary>
    public Tensor MostLikelyComponent(Tensor x)
    {
        using var scope = NewDisposeScope();
        return AllComponents(x, 1, 0).LogJoint.argmax(dim: 0).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public override Tensor Sample(long count, Generator generator)
    {
        using var scope = NewDisposeScope();
        var w = tensor(Weights.ToArray(), dtype: ScalarType.Float64);
        var index = multinomial(w, count, replacement: true, generator: generator);
        var result = zeros(count, Dimension, dtype: ScalarType.Float64);
        var all = _components.Select(c => c.Sample(count, generator)).ToArray();
        for (int k = 0; k < _components.Length; k++)
        {
            var mask = (index.EqualTo(k)).unsqueeze(1);
            result = where(mask, all[k], result);
        }
        return result.MoveToOuterDisposeScope();
    }

    // All components at once (batched over k; reductions over small inner dimensions are slow in LibTorch, so sums
    // over D are matrix products and sums over k run along dimension 0). With Σₖ = QₖΛₖQₖᵀ: the rows of Projected
    // [K, B, D] are (x − aμₖ)Qₖ, Inverse [K, 1, D] is 1/(a²Λₖ + b²), LogJoint [K, B] is log wₖ + log N(x; aμₖ, a²Σₖ + b²I).
    (Tensor LogJoint, Tensor Projected, Tensor Inverse) AllComponents(Tensor x, double a, double b)
    {
        var centred = x.to_type(ScalarType.Float64).unsqueeze(0) - (_means.Multiply(a)).unsqueeze(1);
        var projected = centred.bmm(_eigenvectors);
        var variances = _eigenvalues.Multiply(a * a).Add(b * b);
        var inverse = variances.reciprocal().unsqueeze(1);
        var quad = projected.Square().bmm(inverse.transpose(1, 2)).squeeze(2);
        var logNormaliser = variances.log().sum(1, keepdim: true).Add(Dimension * Math.Log(2 * Math.PI));
        return (_logWeightsColumn - quad.Add(logNormaliser).Multiply(0.5), projected, inverse);
    }

    /// <inheritdoc/>
    public override Tensor LogDensity(Tensor x, double a, double b)
    {
        using var scope = NewDisposeScope();
        return AllComponents(x, a, b).LogJoint.logsumexp(dim: 0).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public override Tensor Score(Tensor x, double a, double b)
    {
        using var scope = NewDisposeScope();
        var (logJoint, projected, inverse) = AllComponents(x, a, b);
        var responsibilities = logJoint.softmax(dim: 0).unsqueeze(2);
        var componentScores = (projected * inverse).bmm(_eigenvectorsTransposed);
        return (-(componentScores * responsibilities).sum(dim: 0)).to_type(x.dtype).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var c in _components) c.Dispose();
        _means.Dispose();
        _eigenvalues.Dispose();
        _eigenvectors.Dispose();
        _eigenvectorsTransposed.Dispose();
        _logWeightsColumn.Dispose();
    }

    /// <inheritdoc/>
    public override string ToString() => $"GaussianMixture(K = {_components.Length}, D = {Dimension})";
}
