namespace ScoreScope.Semigroups;

/// <summary>
/// Operator-informed score matching (v2) for the one-dimensional Ornstein–Uhlenbeck process dX = −X dt + √2 dW
/// (generator L = d²/dx² − x·d/dx, invariant law μ = N(0, 1)), with the normalised Hermite basis
/// ψ_t = Σ_{n=1}^N β_n h_n: A_t[n,m] = E_{ρ_t}[h_n'h_m'] = √(nm)·E_{ρ_t}[h_{n−1}h_{m−1}], b_t[n] = n·e^{−nt}·E_{ρ_0}[h_n],
/// β̂ = A_t⁻¹b_t and s̃_t(x) = Σ_n β̂_n·√n·h_{n−1}(x) − x.
/// </summary>
/// <remarks>
/// Shen, Wang, Riabiz, Oates (2025), arXiv 2406.09084v2, §3 ("closed-form minimiser α̂ = A_t⁻¹b_t"); the explicit
/// formulas are the reconstruction of docs/science/04 §3.1 (in the He_n basis α_n = β_n/√(n!)). Only the data moments
/// E_{ρ_0}[h_k], k ≤ max(2N − 2, N), enter, and one set of moments gives the score at every t.
/// </remarks>
public sealed class OrnsteinUhlenbeckOism
{
    readonly double[] _moments;

    /// <summary>Creates the estimator from data moments E_{ρ_0}[h_k] (see <see cref="HermiteMoments"/>).</summary>
    /// <param name="dataMoments">E_{ρ_0}[h_k] for k = 0 … at least max(2N − 2, N).</param>
    /// <param name="basisSize">N ≥ 1, the number of eigenfunctions h_1 … h_N.</param>
    /// <exception cref="ArgumentOutOfRangeException">For N &lt; 1.</exception>
    /// <exception cref="ArgumentException">When too few or non-finite moments are given.</exception>
    public OrnsteinUhlenbeckOism(IReadOnlyList<double> dataMoments, int basisSize)
    {
        ArgumentNullException.ThrowIfNull(dataMoments);
        SemigroupChecks.RequireBasisSize(basisSize, nameof(basisSize));
        int needed = RequiredMomentDegree(basisSize);
        if (dataMoments.Count < needed + 1)
            throw new ArgumentException($"basis size {basisSize} needs moments up to degree {needed}; got {dataMoments.Count} moments.", nameof(dataMoments));
        if (dataMoments.Any(m => !double.IsFinite(m)))
            throw new ArgumentException("the data moments must be finite.", nameof(dataMoments));
        _moments = dataMoments.Take(needed + 1).ToArray();
        BasisSize = basisSize;
    }

    /// <summary>The number N of eigenfunctions.</summary>
    public int BasisSize { get; }

    /// <summary>The highest moment degree the basis size needs: max(2N − 2, N).</summary>
    public static int RequiredMomentDegree(int basisSize) => Math.Max(2 * basisSize - 2, basisSize);

    /// <summary>A_t [N, N], symmetric positive semi-definite (a Gram matrix of h_n' under ρ_t).</summary>
    /// <exception cref="ArgumentOutOfRangeException">For t negative or not finite.</exception>
    public double[,] Matrix(double time)
    {
        SemigroupChecks.RequireTime(time, allowZero: true);
        int n = BasisSize;
        var a = new double[n, n];
        for (int i = 1; i <= n; i++)
            for (int j = i; j <= n; j++)
            {
                int p = i - 1, q = j - 1;
                double product = 0;
                for (int r = 0; r <= Math.Min(p, q); r++)
                {
                    int k = p + q - 2 * r;
                    product += HermiteFunctions.LinearisationCoefficient(p, q, r) * Math.Exp(-k * time) * _moments[k];
                }
                a[i - 1, j - 1] = a[j - 1, i - 1] = Math.Sqrt((double)i * j) * product;
            }
        return a;
    }

    /// <summary>b_t [N]: b_t[n] = −E_{ρ_t}[L h_n] = n·e^{−nt}·E_{ρ_0}[h_n].</summary>
    /// <exception cref="ArgumentOutOfRangeException">For t negative or not finite.</exception>
    public double[] Vector(double time)
    {
        SemigroupChecks.RequireTime(time, allowZero: true);
        var b = new double[BasisSize];
        for (int n = 1; n <= BasisSize; n++) b[n - 1] = n * Math.Exp(-n * time) * _moments[n];
        return b;
    }

    /// <summary>β̂_t = A_t⁻¹b_t, the coefficients of h_1 … h_N in ψ_t.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For t negative or not finite.</exception>
    public double[] Coefficients(double time) => OismSolver.Solve(Matrix(time), Vector(time));

    /// <summary>s̃_t(x) = Σ_n β_n·√n·h_{n−1}(x) − x for given coefficients β (from <see cref="Coefficients"/>).</summary>
    public static double Score(IReadOnlyList<double> coefficients, double x)
    {
        ArgumentNullException.ThrowIfNull(coefficients);
        Span<double> h = coefficients.Count <= 256 ? stackalloc double[coefficients.Count] : new double[coefficients.Count];
        HermiteFunctions.Evaluate(x, h);
        double s = -x;
        for (int n = 1; n <= coefficients.Count; n++) s += coefficients[n - 1] * Math.Sqrt(n) * h[n - 1];
        return s;
    }

    /// <summary>The OISM score s̃_t(x) (solves for β̂_t on every call; cache <see cref="Coefficients"/> for many x).</summary>
    public double Score(double time, double x) => Score(Coefficients(time), x);
}
