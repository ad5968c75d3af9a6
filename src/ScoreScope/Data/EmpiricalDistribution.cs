using ScoreScope.Numerics;
using ScoreScope.Scores;
using TorchSharp;
using static TorchSharp.torch;

namespace ScoreScope.Data;

/// <summary>
/// The empirical distribution p₀ = Σᵢ wᵢ δ(yᵢ) of a finite point set y₁ … y_N in D dimensions (wᵢ = 1/N unless
/// weights are given). Its perturbed marginal p_t is the Gaussian mixture Σᵢ wᵢ N(a·yᵢ, b²I), whose score is the
/// optimal denoiser (kernel smoother) written as a score: with softmax weights
/// πᵢ(x) ∝ wᵢ exp(−|x − a·yᵢ|²/(2b²)), E[x₀ | x] = Σᵢ πᵢ(x) yᵢ and ∇log p_t(x) = (a·E[x₀ | x] − x)/b².
/// </summary>
/// <remarks>
/// Evaluation is a streaming log-sum-exp over chunks of training points (Milakov &amp; Gimelshein 2018, "Online
/// normalizer calculation for softmax"; the same recurrence as FlashAttention): per chunk one GEMM for the shifted
/// logits (2a·x·yᵀ − a²|y|²)/(2b²) + log w − shift (bias and shift folded into the GEMM as extra columns), an
/// in-place clamp and exp, and one GEMM of the weights with [y, 1], whose last column accumulates the normaliser;
/// the shift is raised (and the sums rescaled) only when a chunk would overflow. Memory is bounded by
/// <see cref="MaximumBlockElements"/> elements per block whatever N and the batch size. Points are centred at their
/// mean before the GEMMs, which reduces cancellation in |x − a·y|² = |x|² − 2a·x·y + a²|y|².
/// The score, posterior mean and log-density are evaluated in <see cref="ComputeType"/> (float64 for the oracle,
/// float32 for speed); samples, <see cref="Mean"/> and <see cref="Covariance"/> are exact float64.
/// When b is so small that the expansion would lose more than half the digits of float64 — when
/// (max|x − a·μ|² + a²·max|y − μ|²)/(b²·D) exceeds 1/√u, u the unit roundoff, since |x − a·y|² ≈ b²·D near the data —
/// a float64 distribution switches to explicit differences x − a·y (chunked, bounded by
/// <see cref="MaximumBlockElements"/> elements) and forms the score as −Σᵢ πᵢ(x − a·yᵢ)/b², so the oracle stays exact
/// down to t = 10⁻⁸ (<see cref="ExplicitDifferenceSweep"/>); float32 is the speed path and always uses the GEMMs.
/// This is the "memorising" score of Kadkhodaie et al. (2024) and the closed-form optimum of denoising score
/// matching on a finite training set (Vincent 2011).
/// As a support, the point set is a 0-dimensional manifold (<see cref="IManifold"/>): the finite point sets of
/// Lu, Wang, Bal 2023 (arXiv 2301.07882; docs/science/singular-scores.md), whose small-time score blows up with
/// codimension D.
/// </remarks>
public sealed class EmpiricalDistribution : ExactDistribution, IManifold, IDisposable
{
    /// <summary>
    /// The default bound on the number of elements of one logit block (queries × training points): 2²⁴ (64 MiB in
    /// float32). For N = 16384, M = 4096, d = 64 in float32 on a 2-core EPYC, a cache-sized 2²² ran 1.4× faster on
    /// an idle machine, but 2–3× slower when the cores were oversubscribed (more, smaller operations wait longer on
    /// busy worker threads); 2²⁴ stayed above the matmul-relative target in both regimes. Pass a smaller
    /// <c>maximumBlockElements</c> for cache-sized blocks on a dedicated machine.
    /// </summary>
    public const long DefaultMaximumBlockElements = 1L << 24;

    readonly Tensor _points;
    readonly Tensor _weights;
    readonly Tensor _mean;
    readonly Tensor _centred;
    readonly Tensor _centredWithOnes;
    readonly Tensor _augmentedPoints;
    readonly Tensor _squaredNorms;
    readonly Tensor _logWeights;
    readonly Tensor _centredFloat64;
    readonly Tensor _logWeightsFloat64;
    readonly double _squaredRadius;
    readonly bool _uniform;

    /// <summary>
    /// Creates the empirical distribution of <paramref name="points"/> [N, …]; every row is one event, flattened to
    /// [D]. The points are copied.
    /// </summary>
    /// <param name="points">The training points, shape [N, …] with N ≥ 1; any real dtype.</param>
    /// <param name="weights">Optional positive finite weights [N] (normalised to sum to 1); null for 1/N each.</param>
    /// <param name="computeType">Float64 or Float32 for score evaluation; null takes the dtype of
    /// <paramref name="points"/> when it is Float32, and Float64 otherwise.</param>
    /// <param name="chunkSize">Training points per chunk; null chooses min(N, <paramref name="maximumBlockElements"/>/M)
    /// for a batch of M queries.</param>
    /// <param name="maximumBlockElements">Upper bound on queries × training points held in one logit block.</param>
    /// <exception cref="ArgumentException">For an empty or rank-0 point set, mismatched or invalid weights, non-finite
    /// points, an unsupported compute type, or a chunk size or block bound below 1.</exception>
    public EmpiricalDistribution(Tensor points, Tensor? weights = null, ScalarType? computeType = null,
        long? chunkSize = null, long maximumBlockElements = DefaultMaximumBlockElements)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.dim() < 1 || points.shape[0] < 1)
            throw new ArgumentException($"points must be [N, …] with N ≥ 1; got {Shapes.Format(points)}.", nameof(points));
        var type = computeType ?? (points.dtype == ScalarType.Float32 ? ScalarType.Float32 : ScalarType.Float64);
        if (type != ScalarType.Float32 && type != ScalarType.Float64)
            throw new ArgumentException($"computeType must be Float32 or Float64; got {type}.", nameof(computeType));
        if (chunkSize is < 1)
            throw new ArgumentException($"chunkSize must be ≥ 1 or null; got {chunkSize}.", nameof(chunkSize));
        if (maximumBlockElements < 1)
            throw new ArgumentException($"maximumBlockElements must be ≥ 1; got {maximumBlockElements}.", nameof(maximumBlockElements));
        Count = points.shape[0];
        Dimension = points.dim() == 1 ? 1 : Shapes.EventSize(points);
        ComputeType = type;
        ChunkSize = chunkSize;
        MaximumBlockElements = maximumBlockElements;

        using var scope = NewDisposeScope();
        var p = points.to_type(ScalarType.Float64).reshape(Count, Dimension).clone();
        if (!isfinite(p).all().item<bool>())
            throw new ArgumentException($"points must be finite; {Shapes.Format(points)} contains NaN or ±∞.", nameof(points));
        _uniform = weights is null;
        var w = NormalisedWeights(weights, Count, p.device);
        var mean = w.matmul(p);
        var centred = p - mean;
        var logWeights = w.log();
        _squaredRadius = centred.square().sum(1).max().item<double>();
        _centredFloat64 = centred.contiguous().DetachFromDisposeScope();
        _logWeightsFloat64 = logWeights.DetachFromDisposeScope();
        _points = p.DetachFromDisposeScope();
        _weights = w.DetachFromDisposeScope();
        _mean = mean.DetachFromDisposeScope();
        _squaredNorms = centred.square().sum(1).to_type(type).DetachFromDisposeScope();
        _logWeights = logWeights.to_type(type).DetachFromDisposeScope();
        _centredWithOnes = cat([centred, ones(Count, 1, dtype: ScalarType.Float64, device: p.device)], 1)
            .to_type(type).contiguous().DetachFromDisposeScope();
        _centred = centred.to_type(type).contiguous().DetachFromDisposeScope();
        _augmentedPoints = cat([centred, centred.square().sum(1, keepdim: true), logWeights.unsqueeze(1), ones(Count, 1, dtype: ScalarType.Float64, device: p.device)], 1)
            .to_type(type).contiguous().DetachFromDisposeScope();
    }

    static Tensor NormalisedWeights(Tensor? weights, long count, Device device)
    {
        if (weights is null) return full(count, 1.0 / count, dtype: ScalarType.Float64, device: device);
        if (weights.dim() != 1 || weights.shape[0] != count)
            throw new ArgumentException($"weights must be [N] = [{count}]; got {Shapes.Format(weights)}.", nameof(weights));
        var w = weights.to_type(ScalarType.Float64).to(device);
        if (!(isfinite(w).all().item<bool>() && (w > 0).all().item<bool>()))
            throw new ArgumentException($"weights must be finite and > 0; smallest is {w.min().item<double>()}.", nameof(weights));
        return w / w.sum();
    }

    /// <summary>The number N of points.</summary>
    public long Count { get; }

    /// <summary>The flattened event dimension D.</summary>
    public long Dimension { get; }

    /// <summary>The dtype (Float64 or Float32) in which scores, posterior means and log-densities are computed.</summary>
    public ScalarType ComputeType { get; }

    /// <summary>Training points per chunk, or null for the automatic choice bounded by <see cref="MaximumBlockElements"/>.</summary>
    public long? ChunkSize { get; }

    /// <summary>Upper bound on the number of elements (queries × training points) of one logit block.</summary>
    public long MaximumBlockElements { get; }

    /// <summary>The points as float64 [N, D].</summary>
    public Tensor Points => _points;

    /// <summary>The normalised weights wᵢ as float64 [N].</summary>
    public Tensor Weights => _weights;

    /// <inheritdoc/>
    public override long[] EventShape => [Dimension];

    /// <summary>The exact mean Σᵢ wᵢ yᵢ, float64 [D].</summary>
    public override Tensor Mean => _mean;

    /// <summary>The exact covariance Σᵢ wᵢ (yᵢ − μ)(yᵢ − μ)ᵀ of the point set (normalised by Σw = 1, not N − 1), float64 [D, D].</summary>
    public override Tensor Covariance
    {
        get
        {
            using var scope = NewDisposeScope();
            var centred = _points - _mean;
            return (centred.t() * _weights).matmul(centred).MoveToOuterDisposeScope();
        }
    }

    /// <summary>Draws <paramref name="count"/> points yᵢ with probabilities wᵢ (with replacement); float64 [count, D].</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="count"/> is negative.</exception>
    public override Tensor Sample(long count, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        using var scope = NewDisposeScope();
        var index = _uniform
            ? randint(0, Count, [count], dtype: ScalarType.Int64, generator: generator)
            : _weights.cpu().multinomial(count, replacement: true, generator: generator);
        return _points.index_select(0, index.to(_points.device)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// log p_t(x) = logsumexpᵢ(log wᵢ − |x − a·yᵢ|²/(2b²)) − (D/2)·log(2πb²) at a batch x [B, …] of event size D;
    /// returns [B] in <see cref="ComputeType"/>. Differentiable with respect to x.
    /// </summary>
    /// <exception cref="ArgumentException">When x is not [B, …] with event size D, or a, b are invalid (b must be &gt; 0).</exception>
    public override Tensor LogDensity(Tensor x, double a, double b)
    {
        var flat = CheckQuery(x, a, b);
        using var scope = NewDisposeScope();
        double constant = 0.5 * Dimension * Math.Log(2 * Math.PI * b * b);
        if (NeedsExplicitDifferences(flat, a, b))
        {
            using var c = constant.ToScalar();
            var (exactLse, _) = ExplicitDifferenceSweep.Sweep(CentredQueries(flat, a), _centredFloat64, _logWeightsFloat64, a, b, MaximumBlockElements);
            return exactLse.sub(c).MoveToOuterDisposeScope();
        }
        var (queries, bias) = Prepare(flat, a, b);
        long chunk = Chunk(queries.shape[0]);
        var parts = new List<Tensor>();
        for (long start = 0; start < Count; start += chunk)
        {
            long size = Math.Min(chunk, Count - start);
            using var chunkScope = NewDisposeScope();
            var logits = addmm(bias.narrow(0, start, size), queries, _centred.narrow(0, start, size).t(), 1, 1);
            parts.Add(logits.logsumexp(1).MoveToOuterDisposeScope());
        }
        var lse = parts.Count == 1 ? parts[0] : stack(parts, 1).logsumexp(1);
        var centredX = CentredQueries(flat, a);
        return (lse - centredX.square().sum(1) / (2 * b * b) - constant).MoveToOuterDisposeScope();
    }

    /// <summary>The score (a·E[x₀ | x] − x)/b² at a batch x [B, …] of event size D; same shape and dtype as x.</summary>
    /// <exception cref="ArgumentException">When x is not [B, …] with event size D, or a, b are invalid (b must be &gt; 0).</exception>
    public override Tensor Score(Tensor x, double a, double b)
    {
        var flat = CheckQuery(x, a, b);
        using var scope = NewDisposeScope();
        Tensor score;
        if (NeedsExplicitDifferences(flat, a, b))
        {
            using var minusPrecision = (-1.0 / (b * b)).ToScalar();
            var (_, residual) = ExplicitDifferenceSweep.Sweep(CentredQueries(flat, a), _centredFloat64, _logWeightsFloat64, a, b, MaximumBlockElements);
            score = residual.mul(minusPrecision);
        }
        else
        {
            score = ScoreConversions.ScoreFromDenoiser(CentredQueries(flat, a), DenoisedCentred(flat, a, b), a, b);
        }
        return score.reshape(x.shape).to_type(x.dtype).to(x.device).MoveToOuterDisposeScope();
    }

    /// <summary>The optimal denoiser E[x₀ | a·x₀ + b·z = x] = Σᵢ πᵢ(x) yᵢ at a batch x [B, …]; same shape and dtype as x.</summary>
    /// <exception cref="ArgumentException">When x is not [B, …] with event size D, or a, b are invalid (b must be &gt; 0).</exception>
    public override Tensor PosteriorMean(Tensor x, double a, double b)
    {
        var flat = CheckQuery(x, a, b);
        using var scope = NewDisposeScope();
        using var one = 1.0.ToScalar();
        using var minusOne = (-1.0).ToScalar();
        Tensor denoisedCentred;
        if (NeedsExplicitDifferences(flat, a, b))
        {
            // x − a·E[x₀ | x] = r, so E[x₀ | x] − μ = (x̃ − r)/a with x̃ = x − a·μ.
            using var inverseScale = (1.0 / a).ToScalar();
            var (_, residual) = ExplicitDifferenceSweep.Sweep(CentredQueries(flat, a), _centredFloat64, _logWeightsFloat64, a, b, MaximumBlockElements);
            denoisedCentred = CentredQueries(flat, a).add(residual, minusOne).mul(inverseScale);
        }
        else
        {
            denoisedCentred = DenoisedCentred(flat, a, b);
        }
        var denoised = denoisedCentred.add(_mean.to_type(ComputeType), one);
        return denoised.reshape(x.shape).to_type(x.dtype).to(x.device).MoveToOuterDisposeScope();
    }

    Tensor CheckQuery(Tensor x, double a, double b)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!(b > 0) || !double.IsFinite(b))
            throw new ArgumentOutOfRangeException(nameof(b), b, "the noise scale b must be finite and > 0.");
        if (!double.IsFinite(a))
            throw new ArgumentOutOfRangeException(nameof(a), a, "the signal scale a must be finite.");
        if (x.dim() < 2 || Shapes.EventSize(x) != Dimension)
        {
            throw new ArgumentException(
                $"x must be a batch [B, …] with event size D = {Dimension} (event shape [{Dimension}]); got {Shapes.Format(x)}.",
                nameof(x));
        }
        return x.shape.Length == 2 ? x : x.reshape(x.shape[0], Dimension);
    }

    Tensor CentredQueries(Tensor flat, double a) =>
        flat.to(_centred.device).to_type(ComputeType) - _mean.to_type(ComputeType) * a;

    (Tensor Queries, Tensor Bias) Prepare(Tensor flat, double a, double b)
    {
        // logits_ij = (a/b²)·x̃_i·ỹ_j − (a²/(2b²))·|ỹ_j|² + log w_j, with x̃ = x − a·μ and ỹ = y − μ.
        var queries = CentredQueries(flat, a) * (a / (b * b));
        var bias = _squaredNorms * (-a * a / (2 * b * b)) + _logWeights;
        return (queries, bias);
    }

    /// <summary>E[x₀ | x] − μ for flat queries [M, D], by the in-place sweep, or by the differentiable one when x needs a gradient.</summary>
    Tensor DenoisedCentred(Tensor flat, double a, double b)
    {
        var (queries, bias) = Prepare(flat, a, b);
        long chunk = Chunk(queries.shape[0]);
        if (queries.requires_grad && is_grad_enabled())
            return EmpiricalSoftmaxSweep.WeightedMean(queries, bias, _centred, _centredWithOnes, chunk);
        long m = queries.shape[0];
        if (m == 0) return zeros(0, Dimension, dtype: ComputeType, device: queries.device);
        var augmented = cat([
            queries,
            full(m, 1, -a * a / (2 * b * b), dtype: ComputeType, device: queries.device),
            ones(m, 1, dtype: ComputeType, device: queries.device),
            zeros(m, 1, dtype: ComputeType, device: queries.device)], 1);
        return EmpiricalSoftmaxSweep.WeightedMeanInPlace(augmented, _augmentedPoints, _centredWithOnes, chunk, MaximumBlockElements);
    }

    /// <summary>
    /// Whether |x − a·y|² = |x̃|² − 2a·x̃·ỹ + a²|ỹ|² would lose more than half the float64 digits: the terms are up to
    /// max|x̃|² + a²·max|ỹ|² while the result near the data is about b²·D (float64 distributions only).
    /// </summary>
    bool NeedsExplicitDifferences(Tensor flat, double a, double b)
    {
        if (ComputeType != ScalarType.Float64) return false;
        using var scope = NewDisposeScope();
        var centred = CentredQueries(flat, a);
        double queryRadius = centred.numel() == 0 ? 0 : centred.mul(centred).sum(1).max().item<double>();
        double terms = queryRadius + a * a * _squaredRadius;
        return terms * HalfDigitsLimit > b * b * Dimension;
    }

    /// <summary>√u for float64 (u = 2⁻⁵³): the expansion keeps at least half the digits while terms·√u ≤ b²·D.</summary>
    const double HalfDigitsLimit = 1.0536712127723509e-8;

    long Chunk(long queries) => ChunkSize ?? Math.Clamp(MaximumBlockElements / Math.Max(1, queries), 1, Count);

    /// <inheritdoc/>
    public void Dispose()
    {
        _points.Dispose();
        _weights.Dispose();
        _mean.Dispose();
        _centred.Dispose();
        _centredWithOnes.Dispose();
        _augmentedPoints.Dispose();
        _squaredNorms.Dispose();
        _logWeights.Dispose();
        _centredFloat64.Dispose();
        _logWeightsFloat64.Dispose();
    }

    /// <summary>Creates the uniform distribution on the given points (each an array of length D), in float64.</summary>
    /// <exception cref="ArgumentException">When the points are empty or of different lengths.</exception>
    public static EmpiricalDistribution FromArrays(params double[][] points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Length == 0 || points.Any(p => p.Length != points[0].Length || p.Length == 0))
            throw new ArgumentException($"points must be N ≥ 1 arrays of one length D ≥ 1; got lengths [{string.Join(", ", points.Select(p => p.Length))}].", nameof(points));
        using var t = tensor(points.SelectMany(p => p).ToArray(), dtype: ScalarType.Float64).reshape(points.Length, points[0].Length);
        return new EmpiricalDistribution(t);
    }

    /// <inheritdoc/>
    public int AmbientDimension => checked((int)Dimension);

    /// <summary>0: a finite point set is a 0-dimensional manifold, of codimension D.</summary>
    public int IntrinsicDimension => 0;

    /// <summary>dist(x, {yᵢ}) = minᵢ |x − yᵢ| for a batch x [B, D], by explicit differences; [B] float64.</summary>
    /// <exception cref="ArgumentException">When x is not [B, D].</exception>
    public Tensor Distance(Tensor x)
    {
        using var scope = NewDisposeScope();
        var (_, squared) = ExplicitDifferenceSweep.Nearest(ManifoldQuery(x), _points, MaximumBlockElements);
        return squared.sqrt().MoveToOuterDisposeScope();
    }

    /// <summary>The nearest point yᵢ (the first on ties) for a batch x [B, D]; [B, D] float64.</summary>
    /// <exception cref="ArgumentException">When x is not [B, D].</exception>
    public Tensor Project(Tensor x)
    {
        using var scope = NewDisposeScope();
        var (index, _) = ExplicitDifferenceSweep.Nearest(ManifoldQuery(x), _points, MaximumBlockElements);
        return _points.index_select(0, index).MoveToOuterDisposeScope();
    }

    /// <summary>The zero projector: the tangent space of a point is {0}; [B, D, D] float64.</summary>
    /// <exception cref="ArgumentException">When x is not [B, D].</exception>
    public Tensor TangentProjector(Tensor x) =>
        zeros([ManifoldQueryCount(x), Dimension, Dimension], dtype: ScalarType.Float64, device: _points.device);

    long ManifoldQueryCount(Tensor x) => ManifoldQueryShape(x).shape[0];

    Tensor ManifoldQueryShape(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() != 2 || x.shape[1] != Dimension)
            throw new ArgumentException($"expected a batch [B, {Dimension}]; got {Shapes.Format(x)}.", nameof(x));
        return x;
    }

    Tensor ManifoldQuery(Tensor x) => ManifoldQueryShape(x).to_type(ScalarType.Float64).to(_points.device);

    /// <inheritdoc/>
    public override string ToString() => $"Empirical(N = {Count}, D = {Dimension}, {ComputeType})";
}
