using static TorchSharp.torch;

namespace ScoreScope.Sampling;

/// <summary>Settings of a <see cref="SamplerRunner"/> run.</summary>
/// <param name="Seed">The run's seed; with the same seed and settings the samples are bitwise identical for any <see cref="BatchSize"/>.</param>
public sealed record SamplingOptions(ulong Seed)
{
    /// <summary>
    /// Samples integrated together, ≥ 1 (default 4096), rounded up to a multiple of <see cref="NoiseBlockSize"/>
    /// (<see cref="SamplerRunner.EffectiveBatchSize"/>). Changes speed and memory, never the result.
    /// </summary>
    public int BatchSize { get; init; } = 4096;

    /// <summary>Samples per noise block, ≥ 1 (default <see cref="NoiseStream.DefaultBlockSize"/>). Part of the result's identity.</summary>
    public int NoiseBlockSize { get; init; } = NoiseStream.DefaultBlockSize;

    /// <summary>
    /// Whether to return Tweedie's denoised estimate x̂₀ = (x + b²s(x, t_min))/a at the final time t_min instead of the
    /// final state (score_sde's <c>denoise=True</c>; Efron 2011). Costs one extra score evaluation per batch.
    /// </summary>
    public bool DenoiseFinal { get; init; }

    /// <summary>Device of the state (CPU when null). Noise is always generated on the CPU and moved.</summary>
    public Device? Device { get; init; }

    /// <summary>Per-step callback (see <see cref="SamplerStep"/>: tensors valid only during the call).</summary>
    public Action<SamplerStep>? OnStep { get; init; }

    /// <summary>Called after every step of every batch, e.g. for a progress bar.</summary>
    public Action<SamplingProgress>? OnProgress { get; init; }
}
