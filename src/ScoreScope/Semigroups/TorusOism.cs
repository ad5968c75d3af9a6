namespace ScoreScope.Semigroups;

/// <summary>
/// OISM on the flat torus T^D under the product assumption: ψ_t(x) = Σ_j ψ_{t,j}(x_j) with one trigonometric basis
/// {cos kx_j, sin kx_j}_{k≤K} per coordinate, so A_t is block-diagonal (D blocks of 2K × 2K, one
/// <see cref="CircleOism"/> each; the mixed blocks E[φ'_{j}·φ'_{l}] vanish because ∂_jψ depends on x_j only and
/// Γ(f, g) = ∇f·∇g pairs ∂_j with ∂_j) and s̃_t(x)_j = ψ_{t,j}'(x_j).
/// </summary>
/// <remarks>
/// Shen et al. (2025), arXiv 2406.09084v2, Appendix B.2 (truncated Brownian motion, trigonometric eigenfunctions) and
/// the per-coordinate construction of its high-dimensional OISM; docs/science/operator-informed.md §3.1. The product basis cannot
/// represent dependence between coordinates (the full tensor basis e^{ik·x} would; its size grows like (2K+1)^D).
/// </remarks>
public sealed class TorusOism
{
    readonly CircleOism[] _coordinates;

    /// <summary>Builds the estimator from data points on T^D (radians), one pass for the moments.</summary>
    /// <exception cref="ArgumentException">For no points, ragged or non-finite points.</exception>
    /// <exception cref="ArgumentOutOfRangeException">For K &lt; 1.</exception>
    public TorusOism(IReadOnlyList<double[]> points, int frequencies)
    {
        ArgumentNullException.ThrowIfNull(points);
        SemigroupChecks.RequireBasisSize(frequencies, nameof(frequencies));
        if (points.Count == 0 || points[0].Length == 0) throw new ArgumentException("need at least one point of dimension ≥ 1.", nameof(points));
        Dimension = points[0].Length;
        if (points.Any(p => p.Length != Dimension)) throw new ArgumentException($"every point needs {Dimension} coordinates.", nameof(points));
        _coordinates = Enumerable.Range(0, Dimension)
            .Select(j => CircleOism.FromSamples(points.Select(p => p[j]).ToArray(), frequencies)).ToArray();
        Frequencies = frequencies;
    }

    /// <summary>The dimension D.</summary>
    public int Dimension { get; }

    /// <summary>K, frequencies per coordinate.</summary>
    public int Frequencies { get; }

    /// <summary>α̂_t per coordinate: [D][2K].</summary>
    /// <exception cref="ArgumentOutOfRangeException">For t negative or not finite.</exception>
    public double[][] Coefficients(double time) => _coordinates.Select(c => c.Coefficients(time)).ToArray();

    /// <summary>s̃_t(x) for coefficients from <see cref="Coefficients"/>.</summary>
    /// <exception cref="ArgumentException">For x of the wrong dimension.</exception>
    public double[] Score(double[][] coefficients, ReadOnlySpan<double> x)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        if (x.Length != Dimension) throw new ArgumentException($"x needs dimension {Dimension}; got {x.Length}.", nameof(x));
        var s = new double[Dimension];
        for (int j = 0; j < Dimension; j++) s[j] = CircleOism.Score(coefficients[j], x[j]);
        return s;
    }
}
