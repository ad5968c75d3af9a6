using System.Globalization;

namespace ScoreScope.Runs;

/// <summary>
/// A memory estimate made before a large allocation, checked against what the runtime may use
/// (<see cref="GC.GetGCMemoryInfo()"/>.TotalAvailableMemoryBytes: physical memory or the container's limit), so that a
/// run too large for the machine is refused at once with the estimate rather than dying later in the native allocator
/// (<c>bad_alloc</c>, exit 134) with a partial folder.
/// </summary>
public static class MemoryEstimate
{
    /// <summary>
    /// Bytes per generated sample of <c>sample</c>/<c>evaluate</c> beyond the samples themselves: the metric suite's
    /// working sets (sliced-W2 projections sorted in chunks, reference and baseline draws, the float32 copy written to
    /// disk), calibrated from measured peaks for 2-D data (300 000 samples: 0.78 GB; 3 000 000: 5.5 GB).
    /// </summary>
    public const long SampleOverheadBytes = 1800;

    /// <summary>Copies of each float64 sample value alive at the peak of a sampling run (state, score, noise, results, reference, baseline, …).</summary>
    public const long SampleCopies = 8;

    /// <summary>The estimated peak of drawing and evaluating <paramref name="count"/> samples of <paramref name="eventSize"/> values.</summary>
    public static double SamplingBytes(long count, long eventSize) =>
        (double)count * (SampleCopies * 8.0 * eventSize + SampleOverheadBytes);

    /// <summary>Copies of a [B, D, D] float64 Jacobian batch alive at once in <c>spectra</c> (the D gradient rows, their stack, the SVD's U and V).</summary>
    public const long JacobianCopies = 4;

    /// <summary>The estimated peak of the score Jacobians of <paramref name="points"/> points in dimension <paramref name="dimension"/> at one time.</summary>
    public static double JacobianBytes(long points, long dimension) => JacobianCopies * 8.0 * points * dimension * dimension;

    /// <summary>Copies of a data file's values alive while it becomes an empirical distribution (parsed values, float64 points, compute copy).</summary>
    public const long DatasetCopies = 3;

    /// <summary>The estimated peak of loading <paramref name="values"/> data values as an empirical distribution.</summary>
    public static double DatasetBytes(double values) => DatasetCopies * 8.0 * values;

    /// <summary>The memory the runtime may use, in bytes.</summary>
    public static long Available => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>Throws when <paramref name="bytes"/> exceeds <see cref="Available"/>.</summary>
    /// <param name="bytes">The estimate.</param>
    /// <param name="what">What needs it, e.g. "sampling 3000000 × 2 values".</param>
    /// <param name="available">The limit (default: <see cref="Available"/>).</param>
    /// <exception cref="InsufficientMemoryException">Naming the estimate, the limit and what needs it.</exception>
    public static void Check(double bytes, string what, long? available = null)
    {
        long limit = available ?? Available;
        if (bytes > limit)
        {
            throw new InsufficientMemoryException(string.Create(CultureInfo.InvariantCulture,
                $"{what} needs an estimated {bytes / 1e9:0.##} GB, more than the {limit / 1e9:0.##} GB this machine makes available"));
        }
    }
}
