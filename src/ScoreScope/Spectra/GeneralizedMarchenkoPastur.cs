using System.Numerics;
using MathNet.Numerics;

namespace ScoreScope.Spectra;

/// <summary>
/// The generalised Marchenko–Pastur law: the limiting spectrum of the nonzero eigenvalues of C = G Σ Gᵀ, with
/// G ∈ ℝ^{d×m} iid N(0, 1/d) and a population covariance Σ holding the variance τ_k = σ_k² on a fraction w_k of the
/// m latent directions, in the limit m, d → ∞ at ratio c = m/d (Silverstein &amp; Bai 1995; Silverstein &amp; Choi 1995;
/// the multi-variance linear manifold of Ventura et al., arXiv 2410.05898, §6.3; docs/science/spectral-gaps.md §2.3 and oracle 8).
/// <para>
/// The companion Stieltjes transform m̲(z) solves z = −1/m̲ + c Σ_k w_k τ_k/(1 + τ_k m̲). The support edges are the
/// values x(m̲*) at the real critical points of x(m̲) = −1/m̲ + c Σ_k w_k τ_k/(1 + τ_k m̲) with m̲* &lt; 0, i.e. the real
/// roots of x′(m̲) = 1/m̲² − c Σ_k w_k τ_k²/(1 + τ_k m̲)²; well-separated variances give one bulk per variance, close
/// ones merge (for c = 0.4, w = (½, ½): τ = (1, 0.09) gives two bulks, τ = (1, 0.25) one).
/// </para>
/// </summary>
public static class GeneralizedMarchenkoPastur
{
    /// <summary>
    /// The support of the limiting spectrum as disjoint intervals sorted ascending (one per bulk). For a single
    /// variance it equals <see cref="MarchenkoPastur.Edges"/>.
    /// </summary>
    /// <param name="ratio">c = m/d, in (0, 1).</param>
    /// <param name="weights">w_k = m_k/m (positive; normalised to sum 1).</param>
    /// <param name="variances">τ_k = σ_k² (positive; equal variances are merged).</param>
    /// <exception cref="ArgumentException">Empty or mismatched lists, non-positive or non-finite values, c ∉ (0, 1).</exception>
    public static IReadOnlyList<SpectralInterval> Support(double ratio, IReadOnlyList<double> weights, IReadOnlyList<double> variances)
    {
        var (w, tau) = Population(ratio, weights, variances);
        var numerator = CriticalPointPolynomial(ratio, w, tau);
        var edges = new List<double>();
        foreach (var root in numerator.Roots())
        {
            if (Math.Abs(root.Imaginary) > 1e-7 * Math.Max(1, root.Magnitude) || root.Real >= 0)
            {
                continue;
            }
            double m = Polish(root.Real, ratio, w, tau);
            double x = Inverse(m, ratio, w, tau);
            if (x > 0 && double.IsFinite(x))
            {
                edges.Add(x);
            }
        }
        edges.Sort();
        if (edges.Count == 0 || edges.Count % 2 != 0)
        {
            throw new InvalidOperationException(
                $"Found {edges.Count} support edges for c = {ratio}, w = [{string.Join(", ", w)}], τ = [{string.Join(", ", tau)}]; " +
                "expected an even, nonzero number (two per bulk). The variances may sit exactly at a merging point.");
        }
        var intervals = new SpectralInterval[edges.Count / 2];
        for (int k = 0; k < intervals.Length; k++)
        {
            intervals[k] = new SpectralInterval(edges[2 * k], edges[2 * k + 1]);
        }
        return intervals;
    }

    /// <summary>
    /// The limiting density f(λ) of the nonzero eigenvalues, f(λ) = Im m̲(λ + i0)/(π c), from the root with positive
    /// imaginary part of the degree-(K + 1) polynomial form of the Silverstein–Bai equation (0 outside the support).
    /// For a single variance it equals <see cref="MarchenkoPastur.Density"/>. With three or more variances several
    /// roots may have Im &gt; 0; the one with the largest imaginary part is taken.
    /// </summary>
    /// <param name="eigenvalue">λ &gt; 0.</param>
    /// <param name="ratio">c = m/d, in (0, 1).</param>
    /// <param name="weights">w_k = m_k/m.</param>
    /// <param name="variances">τ_k = σ_k².</param>
    /// <exception cref="ArgumentException">As for <see cref="Support"/>.</exception>
    public static double Density(double eigenvalue, double ratio, IReadOnlyList<double> weights, IReadOnlyList<double> variances)
    {
        var (w, tau) = Population(ratio, weights, variances);
        if (!(eigenvalue > 0) || double.IsInfinity(eigenvalue))
        {
            return 0;
        }
        // (λ m̲ + 1) Π_k (1 + τ_k m̲) − c m̲ Σ_k w_k τ_k Π_{j≠k} (1 + τ_j m̲) = 0.
        var product = new Polynomial(1.0);
        for (int k = 0; k < tau.Length; k++)
        {
            product *= new Polynomial(1.0, tau[k]);
        }
        var sum = new Polynomial(0.0);
        for (int k = 0; k < tau.Length; k++)
        {
            var term = new Polynomial(w[k] * tau[k]);
            for (int j = 0; j < tau.Length; j++)
            {
                if (j != k) term *= new Polynomial(1.0, tau[j]);
            }
            sum += term;
        }
        var equation = new Polynomial(1.0, eigenvalue) * product - new Polynomial(0.0, ratio) * sum;
        double best = 0;
        foreach (var root in equation.Roots())
        {
            var polished = PolishComplex(root, eigenvalue, ratio, w, tau);
            best = Math.Max(best, polished.Imaginary);
        }
        double scale = 1.0 / eigenvalue;
        return best > 1e-9 * scale ? best / (Math.PI * ratio) : 0;
    }

    // x′(m̲)·m̲²·Π(1 + τ_k m̲)² = Π(1 + τ_k m̲)² − c m̲² Σ_k w_k τ_k² Π_{j≠k}(1 + τ_j m̲)².
    static Polynomial CriticalPointPolynomial(double ratio, double[] w, double[] tau)
    {
        var product = new Polynomial(1.0);
        for (int k = 0; k < tau.Length; k++)
        {
            var factor = new Polynomial(1.0, tau[k]);
            product *= factor * factor;
        }
        var sum = new Polynomial(0.0);
        for (int k = 0; k < tau.Length; k++)
        {
            var term = new Polynomial(w[k] * tau[k] * tau[k]);
            for (int j = 0; j < tau.Length; j++)
            {
                if (j == k) continue;
                var factor = new Polynomial(1.0, tau[j]);
                term *= factor * factor;
            }
            sum += term;
        }
        return product - new Polynomial(0.0, 0.0, ratio) * sum;
    }

    /// <summary>x(m̲) = −1/m̲ + c Σ_k w_k τ_k/(1 + τ_k m̲).</summary>
    static double Inverse(double m, double ratio, double[] w, double[] tau)
    {
        double x = -1 / m;
        for (int k = 0; k < tau.Length; k++)
        {
            x += ratio * w[k] * tau[k] / (1 + tau[k] * m);
        }
        return x;
    }

    /// <summary>Newton steps on x′(m̲) = 0 to remove the companion-matrix root error.</summary>
    static double Polish(double m, double ratio, double[] w, double[] tau)
    {
        for (int iteration = 0; iteration < 8; iteration++)
        {
            double first = 1 / (m * m);
            double second = -2 / (m * m * m);
            for (int k = 0; k < tau.Length; k++)
            {
                double u = 1 + tau[k] * m;
                first -= ratio * w[k] * tau[k] * tau[k] / (u * u);
                second += 2 * ratio * w[k] * tau[k] * tau[k] * tau[k] / (u * u * u);
            }
            if (second == 0 || !double.IsFinite(second)) break;
            double step = first / second;
            double next = m - step;
            if (!double.IsFinite(next) || next >= 0) break;
            m = next;
            if (Math.Abs(step) <= 1e-15 * Math.Abs(m)) break;
        }
        return m;
    }

    /// <summary>Newton steps on z − x(m̲) = 0 in the complex plane.</summary>
    static Complex PolishComplex(Complex m, double z, double ratio, double[] w, double[] tau)
    {
        for (int iteration = 0; iteration < 6; iteration++)
        {
            Complex value = -1 / m - z;
            Complex derivative = 1 / (m * m);
            for (int k = 0; k < tau.Length; k++)
            {
                Complex u = 1 + tau[k] * m;
                value += ratio * w[k] * tau[k] / u;
                derivative -= ratio * w[k] * tau[k] * tau[k] / (u * u);
            }
            if (derivative == Complex.Zero) break;
            Complex next = m - value / derivative;
            if (double.IsNaN(next.Real) || double.IsNaN(next.Imaginary)) break;
            m = next;
        }
        return m;
    }

    static (double[] Weights, double[] Variances) Population(double ratio, IReadOnlyList<double> weights, IReadOnlyList<double> variances)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(variances);
        if (!(ratio > 0 && ratio < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "The ratio c = m/d must lie in (0, 1) (fewer latent than ambient dimensions).");
        }
        if (weights.Count == 0 || weights.Count != variances.Count)
        {
            throw new ArgumentException(
                $"Need one weight per variance and at least one of each; got {weights.Count} weights and {variances.Count} variances.", nameof(weights));
        }
        var merged = new SortedDictionary<double, double>(Comparer<double>.Create((x, y) => y.CompareTo(x)));
        double total = 0;
        for (int k = 0; k < weights.Count; k++)
        {
            if (!(weights[k] > 0) || double.IsInfinity(weights[k]))
            {
                throw new ArgumentOutOfRangeException(nameof(weights), weights[k], $"Weight {k} must be positive and finite.");
            }
            if (!(variances[k] > 0) || double.IsInfinity(variances[k]))
            {
                throw new ArgumentOutOfRangeException(nameof(variances), variances[k], $"Variance {k} must be positive and finite.");
            }
            merged[variances[k]] = merged.GetValueOrDefault(variances[k]) + weights[k];
            total += weights[k];
        }
        return (merged.Values.Select(v => v / total).ToArray(), merged.Keys.ToArray());
    }
}
