using static TorchSharp.torch;

namespace ScoreScope.Semigroups;

/// <summary>
/// Operator-informed score matching (v2) for Brownian motion with generator Δ on the flat torus T^D with the full tensor
/// trigonometric basis {cos k·x, sin k·x} over the wave vectors k ∈ ℤ^D, 0 &lt; max_j |k_j| ≤ K, one of each pair ±k
/// (λ_k = −|k|², μ uniform, Γ(f, g) = ∇f·∇g): A_t = E_{ρ_t}[∇φ·∇φᵀ] by product-to-sum formulas from the propagated
/// moments E_{ρ_t}[e^{im·x}] = e^{−|m|²t}·E_{ρ_0}[e^{im·x}] (|m_j| ≤ 2K), b_t = |k|²e^{−|k|²t}E_{ρ_0}[φ_k],
/// α̂ = A_t⁻¹b_t and s̃_t = ∇ψ_t = Σ_k (−α_{cos k}·sin k·x + α_{sin k}·cos k·x)·k.
/// </summary>
/// <remarks>
/// Shen, Wang, Riabiz, Oates (2025), arXiv 2406.09084v2, §3.1 (closed-form minimiser) and Appendix B.2 (truncated
/// Brownian motion, trigonometric eigenfunctions); docs/science/operator-informed.md §3.1. Unlike <see cref="TorusOism"/>
/// (the product assumption, D blocks of 2K) this basis represents dependence between coordinates, at the cost of
/// (2K + 1)^D − 1 eigenfunctions — meant for the 2-D toy data of the paper's rebuttal table. For D = 1 it is
/// <see cref="CircleOism"/> (same basis, same order). Basis order: for each wave vector of <see cref="WaveVectors"/>,
/// cos then sin.
/// </remarks>
public sealed class TorusFullBasisOism
{
    readonly int[][] _waveVectors;
    readonly double[] _cos;   // E_{ρ_0}[cos m·x] on the grid m ∈ [−2K, 2K]^D (row-major, offset 2K)
    readonly double[] _sin;   // E_{ρ_0}[sin m·x]
    readonly int _side;

    /// <summary>Builds the estimator from the empirical moments of data points on T^D (radians; one pass).</summary>
    /// <param name="points">n ≥ 1 points of dimension D ≥ 1.</param>
    /// <param name="frequencies">K ≥ 1, the largest |k_j|.</param>
    /// <exception cref="ArgumentException">For no points, ragged or non-finite points, or (2K + 1)^D above 4097.</exception>
    /// <exception cref="ArgumentOutOfRangeException">For K &lt; 1.</exception>
    public TorusFullBasisOism(IReadOnlyList<double[]> points, int frequencies)
    {
        ArgumentNullException.ThrowIfNull(points);
        SemigroupChecks.RequireBasisSize(frequencies, nameof(frequencies));
        if (points.Count == 0 || points[0].Length == 0) throw new ArgumentException("need at least one point of dimension ≥ 1.", nameof(points));
        Dimension = points[0].Length;
        if (points.Any(p => p.Length != Dimension || p.Any(v => !double.IsFinite(v))))
            throw new ArgumentException($"every point needs {Dimension} finite coordinates.", nameof(points));
        if (Math.Pow(2 * frequencies + 1, Dimension) > 4097)
            throw new ArgumentException($"(2K + 1)^D = {Math.Pow(2 * frequencies + 1, Dimension)} eigenfunctions is too many for the full basis; use TorusOism.", nameof(frequencies));
        Frequencies = frequencies;
        _side = 4 * frequencies + 1;
        _waveVectors = HalfLattice(Dimension, frequencies);
        int cells = (int)Math.Pow(_side, Dimension);
        _cos = new double[cells];
        _sin = new double[cells];
        var powers = new System.Numerics.Complex[Dimension][];
        foreach (var p in points)
        {
            for (int j = 0; j < Dimension; j++)
            {
                powers[j] ??= new System.Numerics.Complex[_side];
                for (int m = -2 * frequencies; m <= 2 * frequencies; m++)
                    powers[j][m + 2 * frequencies] = new System.Numerics.Complex(Math.Cos(m * p[j]), Math.Sin(m * p[j]));
            }
            for (int cell = 0; cell < cells; cell++)
            {
                var value = System.Numerics.Complex.One;
                int rest = cell;
                for (int j = Dimension - 1; j >= 0; j--)
                {
                    value *= powers[j][rest % _side];
                    rest /= _side;
                }
                _cos[cell] += value.Real;
                _sin[cell] += value.Imaginary;
            }
        }
        for (int cell = 0; cell < cells; cell++) { _cos[cell] /= points.Count; _sin[cell] /= points.Count; }
    }

    /// <summary>The dimension D.</summary>
    public int Dimension { get; }

    /// <summary>K, the largest frequency per coordinate.</summary>
    public int Frequencies { get; }

    /// <summary>The wave vectors k of the basis, one of each pair ±k (first non-zero coordinate positive): ((2K + 1)^D − 1)/2 of them.</summary>
    public IReadOnlyList<int[]> WaveVectors => _waveVectors;

    /// <summary>The number of eigenfunctions, 2·|<see cref="WaveVectors"/>|.</summary>
    public int BasisSize => 2 * _waveVectors.Length;

    /// <summary>A_t [P, P], P = <see cref="BasisSize"/>: symmetric positive semi-definite (a Gram matrix of ∇φ under ρ_t).</summary>
    /// <exception cref="ArgumentOutOfRangeException">For t negative or not finite.</exception>
    public double[,] Matrix(double time)
    {
        SemigroupChecks.RequireTime(time, allowZero: true);
        int h = _waveVectors.Length;
        var a = new double[2 * h, 2 * h];
        var sum = new int[Dimension];
        var difference = new int[Dimension];
        for (int p = 0; p < h; p++)
            for (int q = p; q < h; q++)
            {
                var k = _waveVectors[p];
                var l = _waveVectors[q];
                double dot = 0;
                for (int j = 0; j < Dimension; j++)
                {
                    dot += k[j] * l[j];
                    sum[j] = k[j] + l[j];
                    difference[j] = k[j] - l[j];
                }
                double cosDifference = Cos(difference, time), cosSum = Cos(sum, time);
                a[2 * p, 2 * q] = 0.5 * dot * (cosDifference - cosSum);           // (−k sin k·x)·(−l sin l·x)
                a[2 * p + 1, 2 * q + 1] = 0.5 * dot * (cosDifference + cosSum);   // (k cos k·x)·(l cos l·x)
                a[2 * p, 2 * q + 1] = -0.5 * dot * (Sin(sum, time) + Sin(difference, time));  // (−k sin k·x)·(l cos l·x)
                a[2 * p + 1, 2 * q] = -0.5 * dot * (Sin(sum, time) - Sin(difference, time));  // (k cos k·x)·(−l sin l·x)
                a[2 * q, 2 * p] = a[2 * p, 2 * q];
                a[2 * q + 1, 2 * p + 1] = a[2 * p + 1, 2 * q + 1];
                a[2 * q + 1, 2 * p] = a[2 * p, 2 * q + 1];
                a[2 * q, 2 * p + 1] = a[2 * p + 1, 2 * q];
            }
        return a;
    }

    /// <summary>b_t [P]: b_t = −E_{ρ_t}[Δφ] = |k|²e^{−|k|²t}E_{ρ_0}[φ].</summary>
    /// <exception cref="ArgumentOutOfRangeException">For t negative or not finite.</exception>
    public double[] Vector(double time)
    {
        SemigroupChecks.RequireTime(time, allowZero: true);
        var b = new double[BasisSize];
        for (int p = 0; p < _waveVectors.Length; p++)
        {
            var k = _waveVectors[p];
            double norm = k.Sum(v => (double)v * v);
            b[2 * p] = norm * Cos(k, time);
            b[2 * p + 1] = norm * Sin(k, time);
        }
        return b;
    }

    /// <summary>α̂_t = A_t⁻¹b_t (<see cref="OismSolver"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">For t negative or not finite.</exception>
    public double[] Coefficients(double time) => OismSolver.Solve(Matrix(time), Vector(time));

    /// <summary>Writes s̃_t(x) = ∇ψ_t(x) into <paramref name="score"/> for coefficients from <see cref="Coefficients"/>.</summary>
    /// <exception cref="ArgumentException">For x, score or coefficients of the wrong length.</exception>
    public void Score(IReadOnlyList<double> coefficients, ReadOnlySpan<double> x, Span<double> score)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        if (x.Length != Dimension || score.Length != Dimension || coefficients.Count != BasisSize)
            throw new ArgumentException($"need x and score of dimension {Dimension} and {BasisSize} coefficients; got {x.Length}, {score.Length}, {coefficients.Count}.", nameof(x));
        score.Clear();
        for (int p = 0; p < _waveVectors.Length; p++)
        {
            var k = _waveVectors[p];
            double phase = 0;
            for (int j = 0; j < Dimension; j++) phase += k[j] * x[j];
            double weight = -coefficients[2 * p] * Math.Sin(phase) + coefficients[2 * p + 1] * Math.Cos(phase);
            for (int j = 0; j < Dimension; j++) score[j] += weight * k[j];
        }
    }

    /// <summary>
    /// s̃_t(x) for a batch x [B, D] (float64; any representative mod 2π) and coefficients from <see cref="Coefficients"/>:
    /// float64 [B, D], built from differentiable tensor operations of x (for the exact divergence ∇·s̃ by autograd, e.g. in
    /// <see cref="TorusProbabilityFlowLikelihood"/>). Never disposes x.
    /// </summary>
    /// <exception cref="ArgumentException">For x not of shape [B, D] or coefficients of the wrong length.</exception>
    public Tensor Score(IReadOnlyList<double> coefficients, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        ArgumentNullException.ThrowIfNull(x);
        if (x.dim() != 2 || x.shape[1] != Dimension || coefficients.Count != BasisSize)
            throw new ArgumentException($"need x of shape [B, {Dimension}] and {BasisSize} coefficients; got [{string.Join(", ", x.shape)}] and {coefficients.Count}.", nameof(x));
        using var scope = NewDisposeScope();
        var k = tensor(_waveVectors.SelectMany(v => v.Select(c => (double)c)).ToArray(), [_waveVectors.Length, Dimension],
            dtype: ScalarType.Float64, device: x.device);
        var alpha = tensor(coefficients.ToArray(), [1, BasisSize], dtype: ScalarType.Float64, device: x.device);
        return TorusControlTable.Evaluate(x, alpha.expand(x.shape[0], -1), k).MoveToOuterDisposeScope();
    }

    double Cos(int[] m, double time) => Math.Exp(-SquaredNorm(m) * time) * _cos[Cell(m)];

    double Sin(int[] m, double time) => Math.Exp(-SquaredNorm(m) * time) * _sin[Cell(m)];

    int Cell(int[] m)
    {
        int cell = 0;
        for (int j = 0; j < Dimension; j++) cell = cell * _side + m[j] + 2 * Frequencies;
        return cell;
    }

    static double SquaredNorm(int[] m)
    {
        double s = 0;
        foreach (int v in m) s += (double)v * v;
        return s;
    }

    static int[][] HalfLattice(int dimension, int frequencies)
    {
        int side = 2 * frequencies + 1;
        var result = new List<int[]>();
        int cells = (int)Math.Pow(side, dimension);
        for (int cell = 0; cell < cells; cell++)
        {
            var k = new int[dimension];
            int rest = cell;
            for (int j = dimension - 1; j >= 0; j--)
            {
                k[j] = rest % side - frequencies;
                rest /= side;
            }
            int first = Array.FindIndex(k, v => v != 0);
            if (first >= 0 && k[first] > 0) result.Add(k);
        }
        // order by |k|_∞ then lexicographically, so that for D = 1 the basis is cos x, sin x, cos 2x, … as in CircleOism
        return [.. result.OrderBy(k => k.Max(Math.Abs)).ThenBy(k => string.Join(",", k.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))))];
    }
}
