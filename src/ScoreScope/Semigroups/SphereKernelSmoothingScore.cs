namespace ScoreScope.Semigroups;

/// <summary>
/// Riemannian diffusion kernel smoothing (RDKS) on the unit sphere S² ⊂ ℝ³: the exact score of the heat-kernel KDE
/// ρ̂_t = (1/n)Σ_i k_t(·, y_i), ŝ_t(x) = Σ_i w_i(x)·∇_x log k_t(x, y_i), w_i ∝ k_t(x, y_i), with the Riemannian gradient
/// ∇_x log k_t(x, y) = (k_t'(θ)/k_t(θ))·∇_xθ, ∇_xθ = −(y − ⟨x, y⟩x)/sin θ (a tangent vector at x).
/// </summary>
/// <remarks>
/// Shen &amp; Oates (2024), arXiv 2406.09084v1 (RDKS); docs/science/operator-informed.md §2. The kernel is
/// <see cref="SphereHeatKernel"/> (Legendre series / exact short-time form), evaluated in log space with an online
/// log-sum-exp so that no weight underflows at small t. sin θ is taken as |y − ⟨x, y⟩x| and θ = atan2(sin θ, cos θ).
/// </remarks>
public sealed class SphereKernelSmoothingScore : IManifoldScore
{
    readonly double[][] _points;

    /// <summary>Creates the smoother; every data point must be a unit vector in ℝ³ within 1e-6.</summary>
    /// <exception cref="ArgumentException">For no points, wrong dimension, or a point off the sphere.</exception>
    public SphereKernelSmoothingScore(IReadOnlyList<double[]> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0) throw new ArgumentException("need at least one data point.", nameof(points));
        for (int i = 0; i < points.Count; i++) SphereGeometry.RequireOnSphere(points[i], 3, $"points[{i}]");
        _points = points.Select(p => (double[])p.Clone()).ToArray();
    }

    /// <summary>The number n of data points.</summary>
    public int Count => _points.Length;

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">For x off the sphere or a destination of length ≠ 3.</exception>
    /// <exception cref="ArgumentOutOfRangeException">For t ≤ 0 or not finite.</exception>
    public double Score(double time, ReadOnlySpan<double> x, Span<double> score)
    {
        SphereGeometry.RequireOnSphere(x, 3, nameof(x));
        if (score.Length != 3) throw new ArgumentException($"score needs length 3; got {score.Length}.", nameof(score));
        score.Clear();
        Span<double> tangent = stackalloc double[3];
        double shift = double.NegativeInfinity, total = 0;
        foreach (var y in _points)
        {
            double c = x[0] * y[0] + x[1] * y[1] + x[2] * y[2];
            for (int j = 0; j < 3; j++) tangent[j] = y[j] - c * x[j];
            double s = Math.Sqrt(tangent[0] * tangent[0] + tangent[1] * tangent[1] + tangent[2] * tangent[2]);
            double theta = Math.Atan2(s, c);
            var (log, dlog) = SphereHeatKernel.LogEvaluate(time, theta);
            if (log > shift)
            {
                double scale = double.IsNegativeInfinity(shift) ? 0 : Math.Exp(shift - log);
                total *= scale;
                for (int j = 0; j < 3; j++) score[j] *= scale;
                shift = log;
            }
            double w = Math.Exp(log - shift);
            total += w;
            if (s > 0)
                for (int j = 0; j < 3; j++) score[j] -= w * dlog * tangent[j] / s;
        }
        for (int j = 0; j < 3; j++) score[j] /= total;
        return shift + Math.Log(total / Count);
    }
}
