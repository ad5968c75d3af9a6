using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ScoreScope.SimplicityBias;

/// <summary>
/// Fused length-d passes of the single tied neuron's online SGD step (m = 1, batch 1), so that one step reads its
/// vectors three times instead of the dozen separate passes of the general <see cref="TwoLayerDenoiser"/> path.
/// Same arithmetic as that path (sums in a different order, so results agree to rounding, tested).
/// </summary>
static class SingleNeuronKernels
{
    /// <summary>x = αa + δz, r = s·x − z; returns w·x.</summary>
    public static double NoisedInputAndResidual(ReadOnlySpan<double> a, ReadOnlySpan<double> z, ReadOnlySpan<double> w,
        double alpha, double delta, double skip, Span<double> x, Span<double> r)
    {
        int d = x.Length, k = 0;
        ref double ra = ref MemoryMarshal.GetReference(a), rz = ref MemoryMarshal.GetReference(z), rw = ref MemoryMarshal.GetReference(w);
        ref double rx = ref MemoryMarshal.GetReference(x), rr = ref MemoryMarshal.GetReference(r);
        var va = Vector256.Create(alpha);
        var vd = Vector256.Create(delta);
        var vs = Vector256.Create(skip);
        Vector256<double> dot0 = Vector256<double>.Zero, dot1 = Vector256<double>.Zero;
        for (; k + 8 <= d; k += 8)
        {
            var z0 = Vector256.LoadUnsafe(ref rz, (nuint)k);
            var z1 = Vector256.LoadUnsafe(ref rz, (nuint)(k + 4));
            var x0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref ra, (nuint)k), va, z0 * vd);
            var x1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref ra, (nuint)(k + 4)), va, z1 * vd);
            x0.StoreUnsafe(ref rx, (nuint)k);
            x1.StoreUnsafe(ref rx, (nuint)(k + 4));
            Vector256.FusedMultiplyAdd(x0, vs, -z0).StoreUnsafe(ref rr, (nuint)k);
            Vector256.FusedMultiplyAdd(x1, vs, -z1).StoreUnsafe(ref rr, (nuint)(k + 4));
            dot0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref rw, (nuint)k), x0, dot0);
            dot1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref rw, (nuint)(k + 4)), x1, dot1);
        }
        double wx = Vector256.Sum(dot0 + dot1);
        for (; k < d; k++)
        {
            double xk = Math.FusedMultiplyAdd(a[k], alpha, z[k] * delta);
            x[k] = xk;
            r[k] = Math.FusedMultiplyAdd(xk, skip, -z[k]);
            wx += w[k] * xk;
        }
        return wx;
    }

    /// <summary>r += h·w; returns (r·r, r·x, w·r) of the updated r.</summary>
    public static (double ResidualSquared, double ResidualInput, double RowResidual) AddHiddenAndDots(
        Span<double> r, ReadOnlySpan<double> w, ReadOnlySpan<double> x, double hidden)
    {
        int d = r.Length, k = 0;
        ref double rr = ref MemoryMarshal.GetReference(r), rw = ref MemoryMarshal.GetReference(w), rx = ref MemoryMarshal.GetReference(x);
        var vh = Vector256.Create(hidden);
        Vector256<double> squared = Vector256<double>.Zero, input = Vector256<double>.Zero, row = Vector256<double>.Zero;
        for (; k + 4 <= d; k += 4)
        {
            var wk = Vector256.LoadUnsafe(ref rw, (nuint)k);
            var rk = Vector256.FusedMultiplyAdd(wk, vh, Vector256.LoadUnsafe(ref rr, (nuint)k));
            rk.StoreUnsafe(ref rr, (nuint)k);
            squared = Vector256.FusedMultiplyAdd(rk, rk, squared);
            input = Vector256.FusedMultiplyAdd(rk, Vector256.LoadUnsafe(ref rx, (nuint)k), input);
            row = Vector256.FusedMultiplyAdd(rk, wk, row);
        }
        double s = Vector256.Sum(squared), i = Vector256.Sum(input), o = Vector256.Sum(row);
        for (; k < d; k++)
        {
            double rk = Math.FusedMultiplyAdd(w[k], hidden, r[k]);
            r[k] = rk;
            s += rk * rk;
            i += rk * x[k];
            o += rk * w[k];
        }
        return (s, i, o);
    }

    /// <summary>w += p·r + q·x; returns ‖w‖² of the updated w.</summary>
    public static double UpdateRow(Span<double> w, ReadOnlySpan<double> r, ReadOnlySpan<double> x, double p, double q)
    {
        int d = w.Length, k = 0;
        ref double rw = ref MemoryMarshal.GetReference(w), rr = ref MemoryMarshal.GetReference(r), rx = ref MemoryMarshal.GetReference(x);
        var vp = Vector256.Create(p);
        var vq = Vector256.Create(q);
        Vector256<double> norm0 = Vector256<double>.Zero, norm1 = Vector256<double>.Zero;
        for (; k + 8 <= d; k += 8)
        {
            var w0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref rx, (nuint)k), vq,
                Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref rr, (nuint)k), vp, Vector256.LoadUnsafe(ref rw, (nuint)k)));
            var w1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref rx, (nuint)(k + 4)), vq,
                Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref rr, (nuint)(k + 4)), vp, Vector256.LoadUnsafe(ref rw, (nuint)(k + 4))));
            w0.StoreUnsafe(ref rw, (nuint)k);
            w1.StoreUnsafe(ref rw, (nuint)(k + 4));
            norm0 = Vector256.FusedMultiplyAdd(w0, w0, norm0);
            norm1 = Vector256.FusedMultiplyAdd(w1, w1, norm1);
        }
        double norm = Vector256.Sum(norm0 + norm1);
        for (; k < d; k++)
        {
            double wk = Math.FusedMultiplyAdd(x[k], q, Math.FusedMultiplyAdd(r[k], p, w[k]));
            w[k] = wk;
            norm += wk * wk;
        }
        return norm;
    }
}
