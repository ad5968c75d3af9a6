using TorchSharp;
using static TorchSharp.torch;

namespace ScoreScope.Data;

/// <summary>
/// The exact path of <see cref="EmpiricalDistribution"/> at small noise: logits ℓ_ij = log w_j − |x_i − a·y_j|²/(2b²)
/// from explicit differences x_i − a·y_j (no |x|² − 2a·x·y + a²|y|² expansion, which cancels when x lies within
/// O(b) of a·y_j), streamed over chunks of points with a running maximum (Milakov &amp; Gimelshein 2018). Returns
/// logsumexp_j ℓ_ij and the softmax-weighted difference r_i = Σ_j π_ij (x_i − a·y_j) = x_i − a·E[x₀ | x_i], from which
/// the score is −r/b² without the cancellation of (a·E[x₀ | x] − x)/b². Differentiable by autograd.
/// </summary>
internal static class ExplicitDifferenceSweep
{
    /// <summary>
    /// For queries x [M, D], points y [N, D] and log-weights [N] (one dtype): (logsumexp ℓ [M], r [M, D]), with at most
    /// <paramref name="maximumBlockElements"/> elements in one difference block (queries × points × D).
    /// </summary>
    internal static (Tensor LogSumExp, Tensor Residual) Sweep(Tensor x, Tensor points, Tensor logWeights, double a, double b, long maximumBlockElements)
    {
        long m = x.shape[0], n = points.shape[0], d = points.shape[1];
        long chunk = Math.Clamp(maximumBlockElements / Math.Max(1, m * d), 1, n);
        using var scope = NewDisposeScope();
        using var scale = a.ToScalar();
        using var one = 1.0.ToScalar();
        using var minusOne = (-1.0).ToScalar();
        using var halfPrecision = (-0.5 / (b * b)).ToScalar();
        var queries = x.unsqueeze(1);
        Tensor? runningMax = null, normaliser = null, residual = null;
        for (long start = 0; start < n; start += chunk)
        {
            long size = Math.Min(chunk, n - start);
            var differences = queries.add(points.narrow(0, start, size).mul(scale).unsqueeze(0), minusOne);    // [M, c, D]
            var logits = differences.mul(differences).sum(2).mul(halfPrecision).add(logWeights.narrow(0, start, size).unsqueeze(0), one);
            var chunkMax = logits.amax([1], keepdim: true).detach();
            var newMax = runningMax is null ? chunkMax : maximum(runningMax, chunkMax);
            var weights = logits.add(newMax, minusOne).exp();                                                   // [M, c]
            var chunkNormaliser = weights.sum(1, keepdim: true);
            var chunkResidual = weights.unsqueeze(1).bmm(differences).squeeze(1);                            // [M, D]
            if (runningMax is null)
            {
                normaliser = chunkNormaliser;
                residual = chunkResidual;
            }
            else
            {
                var rescale = runningMax.add(newMax, minusOne).exp();
                normaliser = normaliser!.mul(rescale).add(chunkNormaliser, one);
                residual = residual!.mul(rescale).add(chunkResidual, one);
            }
            runningMax = newMax;
        }
        var logSumExp = runningMax!.add(normaliser!.log(), one).squeeze(1);
        var weightedResidual = residual!.div(normaliser!);
        return (logSumExp.MoveToOuterDisposeScope(), weightedResidual.MoveToOuterDisposeScope());
    }

    /// <summary>The index of the nearest point and the squared distance |x_i − y_j|² to it, by explicit differences.</summary>
    internal static (Tensor Index, Tensor SquaredDistance) Nearest(Tensor x, Tensor points, long maximumBlockElements)
    {
        long m = x.shape[0], n = points.shape[0], d = points.shape[1];
        long chunk = Math.Clamp(maximumBlockElements / Math.Max(1, m * d), 1, n);
        using var scope = NewDisposeScope();
        using var one = 1.0.ToScalar();
        using var minusOne = (-1.0).ToScalar();
        var queries = x.unsqueeze(1);
        Tensor? best = null, bestIndex = null;
        for (long start = 0; start < n; start += chunk)
        {
            long size = Math.Min(chunk, n - start);
            var differences = queries.add(points.narrow(0, start, size).unsqueeze(0), minusOne);
            var (values, indices) = differences.mul(differences).sum(2).min(1);
            using var offset = start.ToScalar();
            indices = indices.add(offset);
            if (best is null)
            {
                best = values;
                bestIndex = indices;
                continue;
            }
            var better = values.lt(best);
            best = where(better, values, best);
            bestIndex = where(better, indices, bestIndex!);
        }
        return (bestIndex!.MoveToOuterDisposeScope(), best!.MoveToOuterDisposeScope());
    }
}
