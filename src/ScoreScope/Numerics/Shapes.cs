using TorchSharp;
using static TorchSharp.torch;

namespace ScoreScope.Numerics;

/// <summary>Rank-generic shape helpers (k-diffusion's <c>append_dims</c>) and the one shape formatter used in messages.</summary>
public static class Shapes
{
    /// <summary>Formats a tensor's shape, dtype and device as <c>[64, 2] float64 cpu</c>.</summary>
    public static string Format(Tensor tensor) =>
        $"[{string.Join(", ", tensor.shape)}] {tensor.dtype.ToString().ToLowerInvariant()} {tensor.device}";

    /// <summary>Formats a shape as <c>[64, 2]</c>.</summary>
    public static string Format(ReadOnlySpan<long> shape) => "[" + string.Join(", ", shape.ToArray()) + "]";

    /// <summary>
    /// Appends trailing singleton dimensions to a per-sample tensor <paramref name="perSample"/> of shape [B] so it
    /// broadcasts against a batch of rank <paramref name="targetRank"/>, e.g. [B] → [B, 1, 1, 1].
    /// </summary>
    /// <exception cref="ArgumentException">When the tensor already has more dimensions than the target rank.</exception>
    public static Tensor AppendDims(Tensor perSample, long targetRank)
    {
        long missing = targetRank - perSample.dim();
        if (missing < 0)
        {
            throw new ArgumentException(
                $"input has {perSample.dim()} dims ({Format(perSample)}) but the target rank is {targetRank}, which is less.",
                nameof(perSample));
        }
        var shape = perSample.shape.Concat(Enumerable.Repeat(1L, (int)missing)).ToArray();
        return perSample.reshape(shape);
    }

    /// <summary>The number of elements of one event (all dimensions after the batch dimension).</summary>
    public static long EventSize(Tensor batch) => batch.shape.Skip(1).Aggregate(1L, (p, s) => p * s);

    /// <summary>Sums over every dimension but the first (the batch), giving a [B] tensor.</summary>
    public static Tensor SumEvent(Tensor batch) =>
        batch.dim() == 1 ? batch.alias() : batch.flatten(1).sum(1);
}
