using ScoreScope.Numerics;
using TorchSharp;
using static TorchSharp.torch;

namespace ScoreScope.Sampling;

/// <summary>
/// The standard-normal noise of one batch of samples, drawn so that sample k receives the same numbers whatever the
/// batch size or batch boundaries: samples are grouped in fixed blocks of <see cref="BlockSize"/>; the d-th draw of
/// block j comes from its own generator seeded with Seeds.Derive(Seeds.Derive(seed, j), d), which draws the whole
/// block [BlockSize, …event] and is sliced to the samples of this batch (the idea of EDM's
/// <c>StackedRandomGenerator</c>, one generator per image, at block granularity).
/// </summary>
/// <remarks>
/// Every sampler draws in the same order for every batch (draw 0 is the prior, then one or more draws per step), so
/// the draw counter identifies the same random quantity across batches. Noise is generated on the CPU in float64 and
/// then moved to <see cref="Device"/>, so it is also independent of the device.
/// </remarks>
public sealed class NoiseStream
{
    /// <summary>The default number of samples per noise block (256).</summary>
    public const int DefaultBlockSize = 256;

    readonly long[] _eventShape;

    /// <summary>Creates the noise stream of the batch of samples [firstSample, firstSample + count).</summary>
    /// <param name="seed">The run's seed.</param>
    /// <param name="firstSample">Global index of the batch's first sample, ≥ 0.</param>
    /// <param name="batchShape">Shape [count, …event] of each draw; count ≥ 1.</param>
    /// <param name="device">Device of the returned noise (CPU when null).</param>
    /// <param name="blockSize">Samples per block, ≥ 1; must be the same for every batch of a run.</param>
    /// <exception cref="ArgumentOutOfRangeException">For a negative first sample, an empty batch or block size &lt; 1.</exception>
    public NoiseStream(ulong seed, long firstSample, long[] batchShape, Device? device = null, int blockSize = DefaultBlockSize)
    {
        ArgumentNullException.ThrowIfNull(batchShape);
        ArgumentOutOfRangeException.ThrowIfNegative(firstSample);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        if (batchShape.Length == 0 || batchShape[0] < 1)
            throw new ArgumentOutOfRangeException(nameof(batchShape), Shapes.Format(batchShape), "batch shape must be [count ≥ 1, …].");
        Seed = seed;
        FirstSample = firstSample;
        Count = batchShape[0];
        BlockSize = blockSize;
        Device = device ?? CPU;
        _eventShape = batchShape[1..];
    }

    /// <summary>The run's seed.</summary>
    public ulong Seed { get; }

    /// <summary>Global index of the batch's first sample.</summary>
    public long FirstSample { get; }

    /// <summary>Number of samples in the batch.</summary>
    public long Count { get; }

    /// <summary>Samples per noise block.</summary>
    public int BlockSize { get; }

    /// <summary>Device of the returned noise.</summary>
    public Device Device { get; }

    /// <summary>Number of draws made so far (the index of the next draw).</summary>
    public long DrawCount { get; private set; }

    /// <summary>The next draw: a fresh float64 tensor [count, …event] of independent N(0, 1) numbers.</summary>
    public Tensor Next()
    {
        long draw = DrawCount++;
        using var scope = NewDisposeScope();
        long end = FirstSample + Count;
        var parts = new List<Tensor>();
        for (long block = FirstSample / BlockSize; block * BlockSize < end; block++)
        {
            long blockStart = block * BlockSize;
            using var generator = Seeds.Generator(Seeds.Derive(Seeds.Derive(Seed, (ulong)block), (ulong)draw));
            var full = randn([BlockSize, .. _eventShape], dtype: ScalarType.Float64, device: CPU, generator: generator);
            long from = Math.Max(FirstSample, blockStart) - blockStart;
            long to = Math.Min(end, blockStart + BlockSize) - blockStart;
            parts.Add(full.narrow(0, from, to - from));
        }
        var noise = parts.Count == 1 ? parts[0] : cat(parts, 0);
        return noise.to(Device).MoveToOuterDisposeScope();
    }
}
