namespace ScoreScope.Semigroups;

/// <summary>
/// The diffusion kernel smoother (DKS) on the flat torus T^D: the exact score of the heat-kernel KDE
/// ρ̂_t = (1/n)Σ_i k_t(·, x_i) of n data points, ŝ_t(x) = ∇log Σ_i k_t(x, x_i) = Σ_i w_i(x)·∇_x log k_t(x, x_i) with
/// w_i ∝ k_t(x, x_i) (μ uniform, so ∇log μ = 0). It is the exact score of Brownian motion started from the empirical
/// measure.
/// </summary>
/// <remarks>docs/science/04 §2 ("Estimator"); Shen &amp; Oates (2024), arXiv 2406.09084v1 (DKS/RDKS).</remarks>
public sealed class TorusKernelSmoothingScore
{
    readonly double[][] _points;

    /// <summary>Creates the smoother of the data points (each of dimension D ≥ 1; angles in radians).</summary>
    /// <exception cref="ArgumentException">For no points, ragged or non-finite points.</exception>
    public TorusKernelSmoothingScore(IReadOnlyList<double[]> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0 || points[0].Length == 0)
            throw new ArgumentException("need at least one data point of dimension ≥ 1.", nameof(points));
        Dimension = points[0].Length;
        foreach (var p in points)
            if (p.Length != Dimension || p.Any(v => !double.IsFinite(v)))
                throw new ArgumentException($"every data point needs {Dimension} finite coordinates.", nameof(points));
        _points = points.Select(p => (double[])p.Clone()).ToArray();
    }

    /// <summary>The dimension D.</summary>
    public int Dimension { get; }

    /// <summary>The number n of data points.</summary>
    public int Count => _points.Length;

    /// <summary>Writes ŝ_t(x) into <paramref name="score"/> and returns log ρ̂_t(x) (density w.r.t. the uniform probability).</summary>
    /// <exception cref="ArgumentException">For x or score of the wrong dimension.</exception>
    /// <exception cref="ArgumentOutOfRangeException">For t ≤ 0 or not finite.</exception>
    public double Score(double time, ReadOnlySpan<double> x, Span<double> score)
    {
        if (x.Length != Dimension || score.Length != Dimension)
            throw new ArgumentException($"x and score need dimension {Dimension}; got {x.Length} and {score.Length}.", nameof(x));
        Span<double> g = Dimension <= 64 ? stackalloc double[Dimension] : new double[Dimension];
        score.Clear();
        double shift = double.NegativeInfinity, total = 0;
        foreach (var p in _points)
        {
            double log = TorusHeatKernel.LogGradient(time, x, p, g);
            if (log > shift)
            {
                // online log-sum-exp: rescale what was accumulated under the old shift
                double scale = double.IsNegativeInfinity(shift) ? 0 : Math.Exp(shift - log);
                total *= scale;
                for (int j = 0; j < Dimension; j++) score[j] *= scale;
                shift = log;
            }
            double w = Math.Exp(log - shift);
            total += w;
            for (int j = 0; j < Dimension; j++) score[j] += w * g[j];
        }
        for (int j = 0; j < Dimension; j++) score[j] /= total;
        return shift + Math.Log(total / Count);
    }

    /// <summary>The one-dimensional score ŝ_t(x) (D = 1 only).</summary>
    /// <exception cref="InvalidOperationException">When D ≠ 1.</exception>
    public double Score(double time, double x)
    {
        if (Dimension != 1) throw new InvalidOperationException($"the scalar overload needs D = 1; this smoother has D = {Dimension}.");
        Span<double> s = stackalloc double[1];
        Score(time, [x], s);
        return s[0];
    }
}
