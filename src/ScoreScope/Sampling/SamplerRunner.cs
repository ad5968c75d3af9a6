using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Scores;
using TorchSharp;
using static TorchSharp.torch;

namespace ScoreScope.Sampling;

/// <summary>
/// Draws n samples with any <see cref="ISampler"/>: in batches of whole noise blocks (<see cref="EffectiveBatchSize"/>), each batch
/// starting from the prior x_T = σ_p·z (z the batch's first <see cref="NoiseStream"/> draw), integrated over the time
/// grid and optionally denoised with Tweedie's formula at the end. Deterministic given the seed and independent of the
/// batch size (for a score function that treats samples independently).
/// </summary>
public static class SamplerRunner
{
    /// <summary>Draws <paramref name="count"/> samples.</summary>
    /// <param name="sampler">The sampler.</param>
    /// <param name="score">The score s(x, t).</param>
    /// <param name="process">The forward process; its prior N(0, σ_p²I) is the starting distribution.</param>
    /// <param name="count">Number of samples, ≥ 1.</param>
    /// <param name="eventShape">Shape of one sample, e.g. [2].</param>
    /// <param name="times">Strictly decreasing grid from T (see <see cref="TimeGrid"/>).</param>
    /// <param name="options">Seed, batch size, final denoising, device and callbacks.</param>
    /// <param name="cancellationToken">Checked before every step.</param>
    /// <returns>A fresh float64 tensor [count, …eventShape].</returns>
    /// <exception cref="ArgumentOutOfRangeException">For count, batch size or block size &lt; 1.</exception>
    /// <exception cref="ArgumentException">For an invalid time grid.</exception>
    /// <exception cref="OperationCanceledException">When cancelled.</exception>
    public static Tensor Sample(ISampler sampler, IScoreFunction score, ForwardProcess process, long count,
        long[] eventShape, IReadOnlyList<double> times, SamplingOptions options, CancellationToken cancellationToken = default) =>
        Run(sampler, score, process, count, eventShape, times, options, (noise, _, _) => noise.Next().Multiply(process.PriorStandardDeviation),
            cancellationToken);

    /// <summary>
    /// Integrates from given states <paramref name="start"/> [N, …event] at time <paramref name="times"/>[0] (e.g. data
    /// noised to t_start, or a previous run's prior draws) down the grid, in batches as <see cref="Sample"/>. The batch
    /// noise streams are those of <see cref="Sample"/> with the same seed, the prior block included (drawn and
    /// discarded), so that with the prior draws of a <see cref="Sample"/> run as <paramref name="start"/> and a grid from
    /// T the result is that run's, bit for bit — also for stochastic samplers.
    /// </summary>
    /// <exception cref="ArgumentException">When <paramref name="start"/> has fewer than 2 dimensions or no rows.</exception>
    public static Tensor SampleFrom(ISampler sampler, IScoreFunction score, ForwardProcess process, Tensor start,
        IReadOnlyList<double> times, SamplingOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(start);
        if (start.dim() < 2 || start.shape[0] < 1)
            throw new ArgumentException($"start states must have shape [N ≥ 1, …event]; got {Shapes.Format(start)}.", nameof(start));
        ArgumentNullException.ThrowIfNull(options);
        return Run(sampler, score, process, start.shape[0], start.shape[1..], times, options, (noise, first, size) =>
        {
            noise.Next().Dispose(); // the prior block of Sample: keeps the step noise aligned with a normal run
            return start.narrow(0, first, size).to(ScalarType.Float64, options.Device ?? start.device);
        }, cancellationToken);
    }

    static Tensor Run(ISampler sampler, IScoreFunction score, ForwardProcess process, long count, long[] eventShape,
        IReadOnlyList<double> times, SamplingOptions options, Func<NoiseStream, long, long, Tensor> initial, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(eventShape);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options));
        SamplerMath.ThrowIfInvalidTimes(process, times);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.NoiseBlockSize, 1, nameof(options));
        int steps = times.Count - 1;
        long batchSize = EffectiveBatchSize(options);
        long batches = (count + batchSize - 1) / batchSize;
        var results = new List<Tensor>();
        using var outer = NewDisposeScope();
        using var noGrad = no_grad();
        for (long batch = 0; batch < batches; batch++)
        {
            using var scope = NewDisposeScope();
            long first = batch * batchSize, size = Math.Min(batchSize, count - first);
            var noise = new NoiseStream(options.Seed, first, [size, .. eventShape], options.Device, options.NoiseBlockSize);
            var prior = initial(noise, first, size);
            long done = batch * steps;
            Action<SamplerStep>? onStep = options.OnStep is null && options.OnProgress is null ? null : step =>
            {
                if (step.Index > 0) options.OnProgress?.Invoke(new SamplingProgress(done + step.Index, batches * steps));
                options.OnStep?.Invoke(step with { FirstSample = first });
            };
            var x = sampler.Sample(score, process, prior, times, noise, onStep, cancellationToken);
            if (options.DenoiseFinal) x = SamplerMath.Denoise(process, x, SamplerMath.Score(score, x, times[^1]), times[^1]);
            options.OnProgress?.Invoke(new SamplingProgress(done + steps, batches * steps));
            results.Add(x.MoveToOuterDisposeScope());
        }
        var all = results.Count == 1 ? results[0] : cat(results, 0);
        return all.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The batch size actually used: <see cref="SamplingOptions.BatchSize"/> rounded up to a whole number of noise
    /// blocks, so that every block (and every block-level statistic, such as the Langevin step size of
    /// <see cref="PredictorCorrectorSampler"/>) lies in one batch.
    /// </summary>
    public static long EffectiveBatchSize(SamplingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        long block = options.NoiseBlockSize;
        return Math.Max(1, (options.BatchSize + block - 1) / block) * block;
    }
}
