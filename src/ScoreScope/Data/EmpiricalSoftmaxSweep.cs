using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Data;

/// <summary>
/// The streaming softmax-weighted average behind <see cref="EmpiricalDistribution"/>: for logits
/// ℓ_ij = qᵢ·y_j + β_j it returns Σ_j softmax_j(ℓ_i·) y_j, visiting the training points in chunks and keeping a
/// per-row shift (Milakov &amp; Gimelshein 2018, "Online normalizer calculation for softmax").
/// </summary>
/// <remarks>
/// Shifted logits are clamped from below at <see cref="ExponentFloor"/> before exp so that no result is subnormal:
/// subnormal exp results run an order of magnitude slower on x86 (measured 25 ns instead of 2 ns per element), and
/// the clamp changes a softmax weight by at most e^floor ≈ 1e-38 (float32) or 1e-308 (float64) relative to the
/// largest, far below the rounding error.
/// </remarks>
internal static class EmpiricalSoftmaxSweep
{
    /// <summary>The smallest shifted logit passed to exp: e^floor is the smallest normal number of the dtype, rounded up.</summary>
    internal static double ExponentFloor(ScalarType dtype) => dtype == ScalarType.Float32 ? -87.0 : -708.0;

    /// <summary>
    /// The fast path. <paramref name="augmentedQueries"/> = [q, 0] [M, K + 1] against
    /// <paramref name="augmentedPoints"/> = [y', 1] [N, K + 1], where q·y' = ℓ; the last query column is overwritten
    /// with −shift so that one GEMM yields ℓ − shift. Per chunk: that GEMM, an in-place clamp and exp, and one GEMM
    /// with <paramref name="pointsWithOnes"/> = [y, 1] [N, D + 1], whose last column is the normaliser. The shift is
    /// the first chunk's row maximum and is raised, row by row, only when a chunk's weights overflow (lazy
    /// rescaling, as in FlashAttention-4): the result is invariant to the shift, so every shift in between is exact.
    /// Returns [M, D].
    /// </summary>
    internal static Tensor WeightedMeanInPlace(Tensor augmentedQueries, Tensor augmentedPoints, Tensor pointsWithOnes, long chunk, long maximumBlockElements)
    {
        long m = augmentedQueries.shape[0], n = augmentedPoints.shape[0], d = pointsWithOnes.shape[1] - 1;
        long shiftColumn = augmentedQueries.shape[1] - 1;
        long block = Math.Clamp(maximumBlockElements / chunk, 1, Math.Max(1, m));
        double floor = ExponentFloor(augmentedPoints.dtype);
        double limit = augmentedPoints.dtype == ScalarType.Float32 ? 1e30 : 1e300;
        using var scope = NewDisposeScope();
        var rows = new List<Tensor>();
        for (long first = 0; first < m; first += block)
        {
            var q = augmentedQueries.narrow(0, first, Math.Min(block, m - first));
            var negativeShift = q.narrow(1, shiftColumn, 1);
            Tensor? sums = null;
            for (long start = 0; start < n; start += chunk)
            {
                long size = Math.Min(chunk, n - start);
                using var chunkScope = NewDisposeScope();
                var chunkPoints = augmentedPoints.narrow(0, start, size);
                var chunkValues = pointsWithOnes.narrow(0, start, size);
                var logits = q.mm(chunkPoints.t());
                if (sums is null)
                {
                    var rowMax = logits.amax([1], keepdim: true);
                    logits.sub_(rowMax);
                    negativeShift.sub_(rowMax);
                    sums = logits.ClampMinInPlace(floor).exp_().mm(chunkValues).MoveToOuterDisposeScope();
                    continue;
                }
                var part = logits.ClampMinInPlace(floor).exp_().mm(chunkValues);
                var overflowing = (part.narrow(1, d, 1).squeeze(1).GreaterOrEqual(limit)).nonzero().squeeze(1);
                if (overflowing.shape[0] == 0)
                {
                    sums.AddInPlace(part);
                    continue;
                }
                sums.AddInPlace(part.index_fill_(0, overflowing, CachedScalars.Zero));
                RaiseShift(q, negativeShift, sums, overflowing, chunkPoints, chunkValues, floor);
            }
            rows.Add(sums!.narrow(1, 0, d) / sums.narrow(1, d, 1));
        }
        var result = rows.Count == 1 ? rows[0] : cat(rows, 0);
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Recomputes one chunk for the rows whose weights overflowed under the current shift: raises their shift to
    /// the chunk's row maximum, rescales their running sums by e^−(raise) and adds the chunk. Costs in proportion to
    /// the number of such rows (those whose nearest training points lie in this chunk).
    /// </summary>
    static void RaiseShift(Tensor q, Tensor negativeShift, Tensor sums, Tensor rows, Tensor chunkPoints, Tensor chunkValues, double floor)
    {
        var logits = q.index_select(0, rows).mm(chunkPoints.t());
        var raise = logits.amax([1], keepdim: true).ClampMinInPlace(0);
        logits.sub_(raise);
        negativeShift.index_copy_(0, rows, negativeShift.index_select(0, rows) - raise);
        var rescaled = sums.index_select(0, rows).mul_(raise.neg_().exp_()).addmm_(logits.ClampMinInPlace(floor).exp_(), chunkValues, 1, 1);
        sums.index_copy_(0, rows, rescaled);
    }

    /// <summary>
    /// The reference path, differentiable by autograd: Σ_j softmax_j(q·yᵀ + β) y_j for queries q [M, D], biases β [N],
    /// points y [N, D] and <paramref name="pointsWithOnes"/> = [y, 1] [N, D + 1], with out-of-place operations and
    /// the exact running row maximum. Returns [M, D].
    /// </summary>
    internal static Tensor WeightedMean(Tensor queries, Tensor bias, Tensor points, Tensor pointsWithOnes, long chunk)
    {
        long n = points.shape[0], d = points.shape[1];
        double floor = ExponentFloor(points.dtype);
        using var scope = NewDisposeScope();
        Tensor? runningMax = null, sums = null;
        for (long start = 0; start < n; start += chunk)
        {
            long size = Math.Min(chunk, n - start);
            var logits = addmm(bias.narrow(0, start, size), queries, points.narrow(0, start, size).t(), 1, 1);
            var newMax = logits.amax([1], keepdim: true).detach();
            if (runningMax is not null)
            {
                newMax = maximum(runningMax, newMax);
                sums = sums! * (runningMax - newMax).exp();
            }
            var weights = (logits - newMax).ClampMin(floor).exp();
            var product = weights.matmul(pointsWithOnes.narrow(0, start, size));
            sums = sums is null ? product : sums.Add(product);
            runningMax = newMax;
        }
        return (sums!.narrow(1, 0, d) / sums.narrow(1, d, 1)).MoveToOuterDisposeScope();
    }
}
