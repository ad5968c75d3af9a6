using static TorchSharp.torch;

namespace ScoreScope.Data;

/// <summary>
/// The streaming softmax-weighted average behind <see cref="EmpiricalDistribution"/>: for logits
/// ℓ_ij = qᵢ·y_j + β_j it returns Σ_j softmax_j(ℓ_i·) y_j, visiting the training points in chunks with a running
/// row maximum (Milakov &amp; Gimelshein 2018). Per block: one GEMM (addmm) for the logits, an in-place
/// subtract, clamp and exponentiate, one GEMM (addmm_) with [y, 1] whose last column is the softmax normaliser.
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
    /// Σ_j softmax_j(q·yᵀ + β) y_j for queries q [M, D], biases β [N], points y [N, D] and
    /// <paramref name="pointsWithOnes"/> = [y, 1] [N, D + 1]; returns [M, D]. When q requires grad the sweep uses
    /// out-of-place operations so autograd can differentiate through it.
    /// </summary>
    internal static Tensor WeightedMean(Tensor queries, Tensor bias, Tensor points, Tensor pointsWithOnes, long chunk, long maximumBlockElements)
    {
        long m = queries.shape[0], n = points.shape[0], d = points.shape[1];
        long block = Math.Clamp(maximumBlockElements / chunk, 1, Math.Max(1, m));
        bool inPlace = !(queries.requires_grad && is_grad_enabled());
        double floor = ExponentFloor(points.dtype);
        using var scope = NewDisposeScope();
        var rows = new List<Tensor>();
        for (long first = 0; first < m; first += block)
        {
            var q = queries.narrow(0, first, Math.Min(block, m - first));
            Tensor? runningMax = null, sums = null;
            for (long start = 0; start < n; start += chunk)
            {
                long size = Math.Min(chunk, n - start);
                using var chunkScope = NewDisposeScope();
                var logits = addmm(bias.narrow(0, start, size), q, points.narrow(0, start, size).t(), 1, 1);
                var newMax = logits.amax([1], keepdim: true).detach();
                if (runningMax is not null)
                {
                    newMax = maximum(runningMax, newMax);
                    var rescale = (runningMax - newMax).exp_();
                    sums = inPlace ? sums!.mul_(rescale) : sums! * rescale;
                }
                var weights = inPlace ? logits.sub_(newMax).clamp_min_(floor).exp_() : (logits - newMax).clamp_min(floor).exp();
                var chunkPoints = pointsWithOnes.narrow(0, start, size);
                sums = sums is null ? weights.matmul(chunkPoints)
                    : inPlace ? sums.addmm_(weights, chunkPoints, 1, 1) : sums.addmm(weights, chunkPoints, 1, 1);
                runningMax = newMax.MoveToOuterDisposeScope();
                if (!inPlace || start == 0) sums = sums.MoveToOuterDisposeScope();
            }
            rows.Add(sums!.narrow(1, 0, d) / sums.narrow(1, d, 1));
        }
        var result = rows.Count == 1 ? rows[0] : cat(rows, 0);
        return result.MoveToOuterDisposeScope();
    }
}
