using ScoreScope.Numerics;
using ScoreScope.Scores;
using TorchSharp;
using static TorchSharp.torch;

namespace ScoreScope.Likelihood;

/// <summary>
/// The divergence ∇·s(x, t) = Σᵢ ∂sᵢ/∂xᵢ of a score at a batch of points, exactly or by Hutchinson's estimator, by
/// reverse-mode autograd. A <see cref="ScoreModel"/> is differentiated through its network; any other
/// <see cref="IScoreFunction"/> (e.g. the exact score of a built-in distribution) must build its result from
/// differentiable tensor operations. Everything is float64 [B, …event] in, [B] or [K, B] out.
/// </summary>
public static class ScoreDivergence
{
    /// <summary>The exact divergence tr ∇ₓs(x, t) for every row of x [B, …]; returns [B] float64.</summary>
    /// <exception cref="ArgumentException">When the score is not differentiable at x or returns another shape.</exception>
    public static Tensor Exact(IScoreFunction score, Tensor x, double t)
    {
        using var scope = NewDisposeScope();
        var (_, divergence) = ScoreAndDivergence(score, x, t, null);
        return divergence.squeeze(1).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Hutchinson's estimates εₖᵀ(∇ₓs)εₖ for K probes εₖ [K, B, …event] (one forward pass, K vector–Jacobian products);
    /// returns [K, B] float64. Each row is an unbiased estimate of the divergence when E[εεᵀ] = I.
    /// </summary>
    /// <exception cref="ArgumentException">When the probes are not [K ≥ 1, …shape of x] or the score is not differentiable.</exception>
    public static Tensor Hutchinson(IScoreFunction score, Tensor x, double t, Tensor probes)
    {
        ArgumentNullException.ThrowIfNull(probes);
        using var scope = NewDisposeScope();
        var (_, estimates) = ScoreAndDivergence(score, x, t, probes);
        return estimates.t().contiguous().MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The score (detached, float64, shape of x) and from the same forward pass the divergence: [B, 1] exact when
    /// <paramref name="probes"/> is null, else [B, K] Hutchinson estimates.
    /// </summary>
    internal static (Tensor Score, Tensor Divergence) ScoreAndDivergence(IScoreFunction score, Tensor x, double t, Tensor? probes)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(x);
        if (probes is not null && (probes.dim() != x.dim() + 1 || probes.shape[0] < 1 || !probes.shape.Skip(1).SequenceEqual(x.shape)))
            throw new ArgumentException($"probes must be [K ≥ 1, {string.Join(", ", x.shape)}]; got {Shapes.Format(probes)}.", nameof(probes));
        if (probes is null) return ScoreAndExactDivergence(score, x, t, DefaultReplicatedRows);
        using var scope = NewDisposeScope();
        using var grad = enable_grad();
        var (input, output) = DifferentiableScore(score, x, t);
        long batch = x.shape[0];
        long probeCount = probes.shape[0];
        var estimates = new Tensor[probeCount];
        for (long k = 0; k < probeCount; k++)
        {
            var probe = probes[k].to_type(output.dtype);
            var vjp = TorchSharp.torch.autograd.grad([(output * probe).sum()], [input], retain_graph: k < probeCount - 1, allow_unused: true)[0];
            estimates[k] = vjp is null || vjp.IsInvalid
                ? zeros(batch, dtype: ScalarType.Float64, device: x.device)
                : Shapes.SumEvent(vjp.detach().to_type(ScalarType.Float64) * probe.to_type(ScalarType.Float64));
        }
        var divergence = stack(estimates, 1);
        var detachedScore = output.detach().to_type(ScalarType.Float64);
        return (detachedScore.MoveToOuterDisposeScope(), divergence.MoveToOuterDisposeScope());
    }

    /// <summary>
    /// Rows of the replicated batch of <see cref="ScoreAndExactDivergence"/> per forward/backward pass (bounds the memory
    /// of the autograd graph: about 4096 × the activations of one input).
    /// </summary>
    internal const long DefaultReplicatedRows = 4096;

    /// <summary>
    /// The exact divergence in batched passes: the B·D pairs (point b, coordinate i) are laid out as a replicated batch
    /// (row r = b·D + i holds a copy of x_b), split into chunks of at most <paramref name="maxRows"/> rows; per chunk one
    /// forward pass and one backward pass with one-hot output gradients e_i give row r the Jacobian row eᵢᵀ∇ₓs(x_b), of
    /// which the diagonal entry ∂sᵢ/∂xᵢ is kept and summed per point. The same D vector–Jacobian products as a loop over
    /// coordinates, but in ⌈B·D/maxRows⌉ large passes instead of D small ones: much faster for small events (a lattice
    /// of V = 64 sites), where per-pass overhead dominates. Requires that row b of the score depends only on x_b (true
    /// for every network of the library: GroupNorm normalises per sample). Returns the score [B, …] and [B, 1].
    /// </summary>
    internal static (Tensor Score, Tensor Divergence) ScoreAndExactDivergence(IScoreFunction score, Tensor x, double t, long maxRows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        using var scope = NewDisposeScope();
        long batch = x.shape[0], d = Shapes.EventSize(x);
        long[] eventShape = x.shape[1..];
        var x64 = x.to_type(ScalarType.Float64).detach();
        Tensor detachedScore;
        using (no_grad())
        {
            detachedScore = (score is ScoreModel m
                ? m.Score(x64, ScalarArithmetic.Full([batch], t, ScalarType.Float64, x.device))
                : score.Score(x64, t)).detach().to_type(ScalarType.Float64);
        }
        var flat = x64.reshape(batch, d);
        var divergence = zeros(batch, dtype: ScalarType.Float64, device: x.device);
        long total = batch * d;
        for (long first = 0; first < total; first += maxRows)
        {
            using var chunkScope = NewDisposeScope();
            long rows = Math.Min(maxRows, total - first);
            var pointIndex = new long[rows];
            var coordinateIndex = new long[rows];
            for (long r = 0; r < rows; r++) (pointIndex[r], coordinateIndex[r]) = Math.DivRem(first + r, d);
            var points = tensor(pointIndex, device: x.device);
            var coordinates = tensor(coordinateIndex, device: x.device);
            using var grad = enable_grad();
            var input = flat.index_select(0, points).reshape([rows, .. eventShape]).requires_grad_(true);
            var output = ReplicatedScore(score, input, t, x);
            var oneHot = nn.functional.one_hot(coordinates, d).to_type(output.dtype).reshape([rows, .. eventShape]);
            var jacobianRows = TorchSharp.torch.autograd.grad([output], [input], [oneHot], allow_unused: true)[0];
            if (jacobianRows is null || jacobianRows.IsInvalid) continue; // s does not depend on x: ∇·s = 0
            var diagonal = jacobianRows.detach().to_type(ScalarType.Float64).reshape(rows, d).gather(1, coordinates.unsqueeze(1)).squeeze(1);
            divergence.index_add_(0, points, diagonal, CachedScalars.One);
        }
        return (detachedScore.MoveToOuterDisposeScope(), divergence.unsqueeze(1).MoveToOuterDisposeScope());
    }

    /// <summary>
    /// The exact divergence by D vector–Jacobian products eᵢᵀ∇ₓs, one per coordinate, over the whole batch after one
    /// forward pass ([B], float64): the plain reference of <see cref="ScoreAndExactDivergence"/> (tests, timings).
    /// </summary>
    internal static Tensor ExactByCoordinates(IScoreFunction score, Tensor x, double t)
    {
        using var scope = NewDisposeScope();
        using var grad = enable_grad();
        var (input, output) = DifferentiableScore(score, x, t);
        long batch = x.shape[0], d = Shapes.EventSize(x);
        var flatOutput = output.reshape(batch, d);
        var divergence = zeros(batch, dtype: ScalarType.Float64, device: x.device);
        for (long i = 0; i < d; i++)
        {
            var row = TorchSharp.torch.autograd.grad([flatOutput[.., i].sum()], [input], retain_graph: i < d - 1, allow_unused: true)[0];
            if (row is null || row.IsInvalid) continue; // sᵢ does not depend on x: ∂sᵢ/∂xᵢ = 0
            divergence.AddInPlace(row.reshape(batch, d)[.., i].detach().to_type(ScalarType.Float64));
        }
        return divergence.MoveToOuterDisposeScope();
    }

    static (Tensor Input, Tensor Output) DifferentiableScore(IScoreFunction score, Tensor x, double t)
    {
        var input = x.to_type(ScalarType.Float64).detach().requires_grad_(true);
        return (input, ReplicatedScore(score, input, t, x));
    }

    static Tensor ReplicatedScore(IScoreFunction score, Tensor input, double t, Tensor x)
    {
        var output = score is ScoreModel model
            ? model.Score(input, ScalarArithmetic.Full([input.shape[0]], t, ScalarType.Float64, input.device))
            : score.Score(input, t);
        if (!output.shape.SequenceEqual(input.shape) || !output.requires_grad)
            throw new ArgumentException(
                $"the score must map {Shapes.Format(x)} to a differentiable tensor of the same shape; got {Shapes.Format(output)} (requires_grad = {output.requires_grad}) at t = {t}.",
                nameof(score));
        return output;
    }

    /// <summary>K probe vectors of the given law for a batch of the shape of x: [K, …shape], float64.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For K &lt; 1 or an unknown law.</exception>
    public static Tensor DrawProbes(ProbeDistribution distribution, int probes, long[] shape, Generator generator, Device? device = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(probes, 1);
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(generator);
        using var scope = NewDisposeScope();
        long[] full = [probes, .. shape];
        var draws = distribution switch
        {
            ProbeDistribution.Gaussian => randn(full, dtype: ScalarType.Float64, generator: generator),
            ProbeDistribution.Rademacher => randint(0, 2, full, dtype: ScalarType.Float64, generator: generator).Multiply(2.0).Subtract(1.0),
            _ => throw new ArgumentOutOfRangeException(nameof(distribution), distribution, "unknown probe distribution."),
        };
        return draws.to(device ?? CPU).MoveToOuterDisposeScope();
    }
}
