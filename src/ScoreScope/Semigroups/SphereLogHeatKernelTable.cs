using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ScoreScope.Semigroups;

/// <summary>
/// log k_t(c) and d/dc log k_t(c) of the S² heat kernel (<see cref="SphereHeatKernel"/>) at one time t, c = cos θ, as
/// piecewise polynomials of u = √(1 + c) = √2·cos(θ/2): the per-time-step table behind the batched kernel-smoothing score
/// (<see cref="SphereKernelSmoothingScore.Score(double, ReadOnlyMemory{double}, Memory{double}, Memory{double})"/>).
/// </summary>
/// <remarks>
/// k_t is a smooth function of the point, hence of c, and even about the antipode; in u both ends are regular
/// (u² = 1 + c near θ = 0, u ≈ (π − θ)/√2 near θ = π, where the short-time form has its boundary layer of width ~√t),
/// so a cosine needs one square root, not an arccosine. The nodes are the first-kind Chebyshev points of each panel
/// (never θ = 0 or π), evaluated by <see cref="SphereHeatKernel.LogEvaluate"/> with its switch between the Legendre
/// series and the short-time form; the panels are uniform on either side of the switch angle 6√t (so no panel straddles
/// it) with width min(0.1, √t/4) in u and degree 11. The gradient coefficient is G = d/dc log k = −(d/dθ log k)/sin θ,
/// so that ∇_x log k_t(x, y) = G·(y − ⟨x, y⟩x). Agreement with the scalar evaluation is tested to 1e-10.
/// </remarks>
internal sealed class SphereLogHeatKernelTable
{
    /// <summary>The polynomial degree on each panel.</summary>
    public const int Degree = 11;

    const int Coefficients = Degree + 1, Stride = 2 * Coefficients;
    const double MaximumWidth = 0.1;

    // per panel, interleaved from the highest power of the panel variable s ∈ [−1, 1] down: F_deg, G_deg, …, F_0, G_0
    readonly double[] _coefficients;
    readonly double _split, _inverseWidthBelow, _inverseWidthAbove;
    readonly int _panelsBelow, _panels;

    /// <summary>Builds the table at time t (≈ 26 kernel evaluations per unit of 1/√t at small t, a few hundred at large t).</summary>
    /// <exception cref="ArgumentOutOfRangeException">For t ≤ 0 or not finite.</exception>
    public SphereLogHeatKernelTable(double time)
    {
        SemigroupChecks.RequireTime(time);
        Time = time;
        double top = Math.Sqrt(2);
        double limit = SphereHeatKernel.SeriesAngleLimit(time);
        // u below the split: θ above the switch angle (short-time form); above it: the series
        _split = limit <= 0 ? top : limit >= Math.PI ? 0 : top * Math.Cos(limit / 2);
        double width = Math.Min(MaximumWidth, Math.Sqrt(time) / 4);
        _panelsBelow = _split > 0 ? (int)Math.Ceiling(_split / width) : 0;
        int panelsAbove = top - _split > 0 ? (int)Math.Ceiling((top - _split) / width) : 0;
        _panels = _panelsBelow + panelsAbove;
        _inverseWidthBelow = _panelsBelow > 0 ? _panelsBelow / _split : 0;
        _inverseWidthAbove = panelsAbove > 0 ? panelsAbove / (top - _split) : 0;
        _coefficients = new double[_panels * Stride];
        Span<double> nodes = stackalloc double[Coefficients];
        Span<double> logs = stackalloc double[Coefficients];
        Span<double> gradients = stackalloc double[Coefficients];
        for (int k = 0; k < Coefficients; k++) nodes[k] = Math.Cos(Math.PI * (2 * k + 1) / (2.0 * Coefficients));
        for (int panel = 0; panel < _panels; panel++)
        {
            double a = panel < _panelsBelow ? panel * _split / _panelsBelow : _split + (panel - _panelsBelow) * (top - _split) / panelsAbove;
            double b = panel < _panelsBelow ? (panel + 1) * _split / _panelsBelow : _split + (panel + 1 - _panelsBelow) * (top - _split) / panelsAbove;
            for (int k = 0; k < Coefficients; k++)
            {
                double u = 0.5 * (a + b) + 0.5 * (b - a) * nodes[k];
                // θ/2 = atan2(sin θ/2, cos θ/2) with cos θ/2 = u/√2: accurate at both ends
                double theta = 2 * Math.Atan2(Math.Sqrt(Math.Max(2 - u * u, 0)), u);
                var (log, dlog) = SphereHeatKernel.LogEvaluate(time, theta);
                logs[k] = log;
                gradients[k] = -dlog / Math.Sin(theta);
            }
            var block = _coefficients.AsSpan(panel * Stride, Stride);
            StoreMonomials(logs, block, 0);
            StoreMonomials(gradients, block, 1);
        }
    }

    /// <summary>The time t of the table.</summary>
    public double Time { get; }

    /// <summary>The number of polynomial panels.</summary>
    public int PanelCount => _panels;

    /// <summary>(log k_t(c), d/dc log k_t(c)) from the table (c is clamped to [−1, 1]).</summary>
    public (double Log, double Gradient) Evaluate(double cosine)
    {
        double u = Math.Sqrt(1 + Math.Clamp(cosine, -1, 1));
        double position = u < _split ? u * _inverseWidthBelow : _panelsBelow + (u - _split) * _inverseWidthAbove;
        double panel = Math.Min(Math.Floor(position), _panels - 1);
        double s = 2 * (position - panel) - 1;
        var block = _coefficients.AsSpan((int)panel * Stride, Stride);
        double f = block[0], g = block[1];
        for (int k = 1; k < Coefficients; k++)
        {
            f = Math.FusedMultiplyAdd(f, s, block[2 * k]);
            g = Math.FusedMultiplyAdd(g, s, block[2 * k + 1]);
        }
        return (f, g);
    }

    /// <summary>
    /// For one query x and the data (y0, y1, y2) (structure of arrays, length a multiple of 4, the first
    /// <paramref name="count"/> entries real): with w_j = e^{log k_t(c_j) − shift}, c_j = ⟨x, y_j⟩, returns
    /// (Σw, Σw·G·y, Σw·G·c) with G = d/dc log k_t — the pieces of the softmax-weighted Riemannian gradient.
    /// </summary>
    public (double Weight, double Y0, double Y1, double Y2, double Cosine) Accumulate(
        double x0, double x1, double x2, double[] y0, double[] y1, double[] y2, int count, double shift)
    {
        if (!Vector256.IsHardwareAccelerated || !Avx.IsSupported) return AccumulateScalar(x0, x1, x2, y0, y1, y2, count, shift);
        var (vx0, vx1, vx2) = (Vector256.Create(x0), Vector256.Create(x1), Vector256.Create(x2));
        var one = Vector256<double>.One;
        var minusOne = -one;
        var split = Vector256.Create(_split);
        var inverseBelow = Vector256.Create(_inverseWidthBelow);
        var inverseAbove = Vector256.Create(_inverseWidthAbove);
        var panelsBelow = Vector256.Create((double)_panelsBelow);
        var lastPanel = Vector256.Create((double)(_panels - 1));
        var stride = Vector256.Create((double)Stride);
        var offset = Vector256.Create(shift);
        Vector256<double> weight = default, sum0 = default, sum1 = default, sum2 = default, sumC = default;
        ref double table = ref MemoryMarshal.GetArrayDataReference(_coefficients);
        ref double r0 = ref MemoryMarshal.GetArrayDataReference(y0);
        ref double r1 = ref MemoryMarshal.GetArrayDataReference(y1);
        ref double r2 = ref MemoryMarshal.GetArrayDataReference(y2);
        int length = y0.Length;
        for (int j = 0; j < length; j += 4)
        {
            var a0 = Vector256.LoadUnsafe(ref r0, (nuint)j);
            var a1 = Vector256.LoadUnsafe(ref r1, (nuint)j);
            var a2 = Vector256.LoadUnsafe(ref r2, (nuint)j);
            var c = Vector256.FusedMultiplyAdd(vx2, a2, Vector256.FusedMultiplyAdd(vx1, a1, vx0 * a0));
            var u = Vector256.Sqrt(one + Vector256.Min(Vector256.Max(c, minusOne), one));
            var position = Vector256.ConditionalSelect(Vector256.LessThan(u, split), u * inverseBelow,
                Vector256.FusedMultiplyAdd(u - split, inverseAbove, panelsBelow));
            var panel = Vector256.Min(Vector256.Floor(position), lastPanel);
            var s = Vector256.FusedMultiplyAdd(position - panel, Vector256.Create(2.0), minusOne);
            var index = Avx.ConvertToVector128Int32WithTruncation(panel * stride);
            ref double p0 = ref Unsafe.Add(ref table, index.GetElement(0));
            ref double p1 = ref Unsafe.Add(ref table, index.GetElement(1));
            ref double p2 = ref Unsafe.Add(ref table, index.GetElement(2));
            ref double p3 = ref Unsafe.Add(ref table, index.GetElement(3));
            // each lane's (F_k, G_k) pair is one 16-byte load; lanes (0, 2) and (1, 3) are unpacked into F and G vectors
            var even = Vector256.Create(Vector128.LoadUnsafe(ref p0), Vector128.LoadUnsafe(ref p2));
            var odd = Vector256.Create(Vector128.LoadUnsafe(ref p1), Vector128.LoadUnsafe(ref p3));
            var f = Avx.UnpackLow(even, odd);
            var g = Avx.UnpackHigh(even, odd);
            for (nuint k = 2; k < Stride; k += 2)
            {
                even = Vector256.Create(Vector128.LoadUnsafe(ref p0, k), Vector128.LoadUnsafe(ref p2, k));
                odd = Vector256.Create(Vector128.LoadUnsafe(ref p1, k), Vector128.LoadUnsafe(ref p3, k));
                f = Vector256.FusedMultiplyAdd(f, s, Avx.UnpackLow(even, odd));
                g = Vector256.FusedMultiplyAdd(g, s, Avx.UnpackHigh(even, odd));
            }
            var w = Vector256.Exp(f - offset);
            if (j + 4 > count) w &= TailMask(count - j);
            weight += w;
            var wg = w * g;
            sum0 = Vector256.FusedMultiplyAdd(wg, a0, sum0);
            sum1 = Vector256.FusedMultiplyAdd(wg, a1, sum1);
            sum2 = Vector256.FusedMultiplyAdd(wg, a2, sum2);
            sumC = Vector256.FusedMultiplyAdd(wg, c, sumC);
        }
        return (Vector256.Sum(weight), Vector256.Sum(sum0), Vector256.Sum(sum1), Vector256.Sum(sum2), Vector256.Sum(sumC));
    }

    /// <summary>The largest cosine ⟨x, y_j⟩ over the first <paramref name="count"/> data points.</summary>
    public static double MaximumCosine(double x0, double x1, double x2, double[] y0, double[] y1, double[] y2, int count)
    {
        double best = double.NegativeInfinity;
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var (vx0, vx1, vx2) = (Vector256.Create(x0), Vector256.Create(x1), Vector256.Create(x2));
            var maximum = Vector256.Create(double.NegativeInfinity);
            ref double r0 = ref MemoryMarshal.GetArrayDataReference(y0);
            ref double r1 = ref MemoryMarshal.GetArrayDataReference(y1);
            ref double r2 = ref MemoryMarshal.GetArrayDataReference(y2);
            for (; j + 4 <= count; j += 4)
            {
                var c = Vector256.FusedMultiplyAdd(vx2, Vector256.LoadUnsafe(ref r2, (nuint)j),
                    Vector256.FusedMultiplyAdd(vx1, Vector256.LoadUnsafe(ref r1, (nuint)j), vx0 * Vector256.LoadUnsafe(ref r0, (nuint)j)));
                maximum = Vector256.Max(maximum, c);
            }
            for (int k = 0; k < 4; k++) best = Math.Max(best, maximum.GetElement(k));
        }
        for (; j < count; j++) best = Math.Max(best, Math.FusedMultiplyAdd(x2, y2[j], Math.FusedMultiplyAdd(x1, y1[j], x0 * y0[j])));
        return best;
    }

    (double, double, double, double, double) AccumulateScalar(double x0, double x1, double x2, double[] y0, double[] y1, double[] y2, int count, double shift)
    {
        double weight = 0, sum0 = 0, sum1 = 0, sum2 = 0, sumC = 0;
        for (int j = 0; j < count; j++)
        {
            double c = Math.FusedMultiplyAdd(x2, y2[j], Math.FusedMultiplyAdd(x1, y1[j], x0 * y0[j]));
            var (f, g) = Evaluate(c);
            double w = Math.Exp(f - shift);
            weight += w;
            sum0 += w * g * y0[j];
            sum1 += w * g * y1[j];
            sum2 += w * g * y2[j];
            sumC += w * g * c;
        }
        return (weight, sum0, sum1, sum2, sumC);
    }

    static Vector256<double> TailMask(int valid) =>
        Vector256.LessThan(Vector256.Create(0.0, 1.0, 2.0, 3.0), Vector256.Create((double)valid));

    /// <summary>The interpolant Σ a_j T_j(s) through the values at the Chebyshev nodes, stored as monomial coefficients of
    /// s from the highest power down at every second slot of <paramref name="block"/> starting at <paramref name="lane"/>.</summary>
    static void StoreMonomials(ReadOnlySpan<double> values, Span<double> block, int lane)
    {
        Span<double> chebyshev = stackalloc double[Coefficients];
        for (int j = 0; j < Coefficients; j++)
        {
            double sum = 0;
            for (int k = 0; k < Coefficients; k++) sum += values[k] * Math.Cos(j * Math.PI * (2 * k + 1) / (2.0 * Coefficients));
            chebyshev[j] = (j == 0 ? 1.0 : 2.0) * sum / Coefficients;
        }
        // monomial coefficients of T_j by T_{j+1} = 2s·T_j − T_{j−1}
        Span<double> previous = stackalloc double[Coefficients];
        Span<double> current = stackalloc double[Coefficients];
        Span<double> next = stackalloc double[Coefficients];
        Span<double> monomials = stackalloc double[Coefficients];
        previous.Clear(); current.Clear(); monomials.Clear();
        previous[0] = 1;                        // T_0
        current[1] = 1;                         // T_1
        monomials[0] = chebyshev[0];
        if (Coefficients > 1) monomials[1] = chebyshev[1];
        for (int j = 2; j < Coefficients; j++)
        {
            next.Clear();
            for (int k = 0; k < Coefficients; k++)
            {
                if (k > 0) next[k] += 2 * current[k - 1];
                next[k] -= previous[k];
            }
            for (int k = 0; k < Coefficients; k++) monomials[k] += chebyshev[j] * next[k];
            current.CopyTo(previous);
            next.CopyTo(current);
        }
        for (int k = 0; k < Coefficients; k++) block[2 * (Degree - k) + lane] = monomials[k];
    }
}
