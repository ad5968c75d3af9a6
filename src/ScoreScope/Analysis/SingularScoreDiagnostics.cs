using ScoreScope.Data;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Scores;
using static TorchSharp.torch;

namespace ScoreScope.Analysis;

/// <summary>
/// Diagnostics of the small-time singularity of scores of manifold-supported data (Lu, Wang, Bal 2023,
/// arXiv 2301.07882: S(x,t) = −∇log p_t = (x − y_x)/t·(1 + o(1)); docs/science/singular-scores.md §2.4, §5.3):
/// b²·E|∇log p_t|² → codimension k, E|f − x₀|²/b² → intrinsic dimension d, b²·S along a normal ray → signed
/// distance, and the normal/tangent split of the score and of its Jacobian.
/// </summary>
public static class SingularScoreDiagnostics
{
    /// <summary>
    /// b_t²·E|∇log p_t(x_t)|² over x_t = a x₀ + b z, x₀ ~ p₀, by Monte Carlo with the exact score; → codimension k as
    /// t → 0 (docs/science/singular-scores.md §2.4: E|S|² ≈ k/b²).
    /// </summary>
    public static MonteCarloEstimate ScaledScoreEnergy(ExactDistribution distribution, ForwardProcess process, double t, long count, Generator generator) =>
        Estimate(distribution, process, t, count, generator, (x0, x, a, b) => distribution.Score(x, a, b).Square().flatten(1).sum(1).Multiply(b * b));

    /// <summary>
    /// E|f(x_t) − x₀|²/b_t² with the exact posterior mean f = E[x₀ | x_t] (the optimal x̂₀/CEM loss over b²);
    /// → intrinsic dimension d as t → 0 (docs/science/singular-scores.md §3.4: λ(t)·optimal CEM loss → d).
    /// </summary>
    public static MonteCarloEstimate ScaledDenoisingError(ExactDistribution distribution, ForwardProcess process, double t, long count, Generator generator) =>
        Estimate(distribution, process, t, count, generator, (x0, x, a, b) => (distribution.PosteriorMean(x, a, b) - x0).Square().flatten(1).sum(1).Divide(b * b));

    /// <summary>
    /// b_t²·S(y + δu, t)·u for offsets δ along the ray y + δu through a point y ∈ M in a unit normal direction u,
    /// with S = −score; tends to the signed distance δ as t → 0 (the paper's pointwise blow-up). Returns one value per δ.
    /// </summary>
    /// <exception cref="ArgumentException">When y or u is not a vector [D] or u is not a unit vector.</exception>
    public static double[] SignedDistanceProfile(IScoreFunction score, ForwardProcess process, double t, Tensor pointOnManifold, Tensor unitNormal, IReadOnlyList<double> offsets)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(offsets);
        if (pointOnManifold.dim() != 1 || unitNormal.dim() != 1 || pointOnManifold.shape[0] != unitNormal.shape[0])
            throw new ArgumentException($"point and direction must be vectors [D]; got {Shapes.Format(pointOnManifold)} and {Shapes.Format(unitNormal)}.", nameof(unitNormal));
        using var scope = NewDisposeScope();
        var u = unitNormal.to_type(ScalarType.Float64);
        double length = u.norm().item<double>();
        if (Math.Abs(length - 1) > 1e-12) throw new ArgumentException($"direction must be a unit vector; |u| = {length:R}.", nameof(unitNormal));
        var delta = tensor(offsets.ToArray(), dtype: ScalarType.Float64).unsqueeze(1);
        var x = pointOnManifold.to_type(ScalarType.Float64).unsqueeze(0).Add(delta * u.unsqueeze(0));
        double b = process.B(t);
        var projected = (-(score.Score(x, t).to_type(ScalarType.Float64) * u.unsqueeze(0)).sum(1)).Multiply(b * b);
        return projected.data<double>().ToArray();
    }

    /// <summary>
    /// Splits vectors v [B, D] (e.g. scores at x) into ‖P_T v‖ and ‖P_N v‖ with the tangent projector of
    /// <paramref name="manifold"/> at the nearest points of x [B, D].
    /// </summary>
    public static NormalTangentNorms SplitVectors(IManifold manifold, Tensor x, Tensor vectors)
    {
        ArgumentNullException.ThrowIfNull(manifold);
        using var scope = NewDisposeScope();
        var tangentProjector = manifold.TangentProjector(x);
        var v = vectors.to_type(ScalarType.Float64).unsqueeze(2);
        var tangent = tangentProjector.bmm(v).squeeze(2);
        var normal = v.squeeze(2) - tangent;
        return new NormalTangentNorms(normal.norm(1).MoveToOuterDisposeScope(), tangent.norm(1).MoveToOuterDisposeScope());
    }

    /// <summary>
    /// Frobenius norms of the normal–normal block P_N J P_N and tangent–tangent block P_T J P_T of the Jacobian
    /// J = ∂s/∂x of <paramref name="field"/> at points x [B, D], by central differences with step
    /// <paramref name="step"/>; expected ~ codim/b² and O(1) for the score (docs/science/singular-scores.md §2.4).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When the step is not positive.</exception>
    public static NormalTangentNorms SplitJacobian(IManifold manifold, Func<Tensor, Tensor> field, Tensor x, double step)
    {
        ArgumentNullException.ThrowIfNull(manifold);
        ArgumentNullException.ThrowIfNull(field);
        if (!(step > 0)) throw new ArgumentOutOfRangeException(nameof(step), step, "finite-difference step must be > 0.");
        using var scope = NewDisposeScope();
        var points = x.to_type(ScalarType.Float64);
        long dimension = points.shape[1];
        var columns = new List<Tensor>();
        for (long j = 0; j < dimension; j++)
        {
            var e = zeros(dimension, dtype: ScalarType.Float64);
            e[j] = step;
            var plus = field(points.Add(e)).to_type(ScalarType.Float64);
            var minus = field(points - e).to_type(ScalarType.Float64);
            columns.Add((plus - minus).Divide(2 * step));
        }
        var jacobian = stack(columns, 2); // [B, D(out), D(in)]
        var pt = manifold.TangentProjector(points);
        var pn = eye(dimension, dtype: ScalarType.Float64).unsqueeze(0) - pt;
        var normal = pn.bmm(jacobian).bmm(pn).flatten(1).norm(1);
        var tangent = pt.bmm(jacobian).bmm(pt).flatten(1).norm(1);
        return new NormalTangentNorms(normal.MoveToOuterDisposeScope(), tangent.MoveToOuterDisposeScope());
    }

    static MonteCarloEstimate Estimate(ExactDistribution distribution, ForwardProcess process, double t, long count, Generator generator,
        Func<Tensor, Tensor, double, double, Tensor> perSample)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        ArgumentNullException.ThrowIfNull(process);
        if (count < 2) throw new ArgumentOutOfRangeException(nameof(count), count, "need at least 2 samples.");
        using var scope = NewDisposeScope();
        double a = process.A(t), b = process.B(t);
        var x0 = distribution.Sample(count, generator).to_type(ScalarType.Float64);
        var x = x0.Multiply(a).Add(randn(x0.shape, dtype: ScalarType.Float64, generator: generator).Multiply(b));
        var values = perSample(x0, x, a, b).to_type(ScalarType.Float64);
        double mean = values.mean().item<double>(), sd = values.std().item<double>();
        return new MonteCarloEstimate(mean, sd / Math.Sqrt(count), count);
    }
}
