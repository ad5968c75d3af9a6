using static TorchSharp.torch;

namespace ScoreScope.Analysis;

/// <summary>
/// Records cumulants of an observable at chosen steps of a sampler (backward tracking, Aarts et al. 2024,
/// arXiv 2410.21212, §3). Plug <see cref="Record"/> into a sampler's per-step callback, e.g.
/// <c>step =&gt; recorder.Record(step.Index, step.Time, step.X)</c>; batches reported for the same step index are
/// streamed into one accumulator in arrival order, so memory stays bounded for any sample count.
/// </summary>
public sealed class CumulantRecorder
{
    readonly SortedDictionary<int, (double Time, BlockedCumulants Accumulator)> _steps = [];
    readonly Func<int, bool> _shouldRecord;
    readonly CumulantOptions _options;
    readonly int _order;

    /// <summary>Creates a recorder of κ̂_1..κ̂_order of <paramref name="observable"/> at the steps selected by <paramref name="shouldRecord"/> (all steps when null).</summary>
    /// <exception cref="ArgumentOutOfRangeException">For an order outside 1..8.</exception>
    public CumulantRecorder(CumulantObservable observable, Func<int, bool>? shouldRecord = null, CumulantOptions? options = null, int order = CentralMoments.MaxOrder)
    {
        if (order < 1 || order > CentralMoments.MaxOrder) throw new ArgumentOutOfRangeException(nameof(order), order, "order must be in 1..8.");
        Observable = observable ?? throw new ArgumentNullException(nameof(observable));
        _shouldRecord = shouldRecord ?? (_ => true);
        _options = options ?? new CumulantOptions();
        _options.Validate();
        _order = order;
    }

    /// <summary>Records every k-th step (and step 0).</summary>
    public static Func<int, bool> EveryKthStep(int k) => k >= 1 ? i => i % k == 0 : throw new ArgumentOutOfRangeException(nameof(k), k, "k must be ≥ 1.");

    /// <summary>The observable.</summary>
    public CumulantObservable Observable { get; }

    /// <summary>Adds the state <paramref name="x"/> [B, …] of step <paramref name="stepIndex"/> at time <paramref name="time"/>.</summary>
    public void Record(int stepIndex, double time, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!_shouldRecord(stepIndex)) return;
        if (!_steps.TryGetValue(stepIndex, out var entry))
        {
            entry = (time, new BlockedCumulants(1, _options));
            _steps[stepIndex] = entry;
        }
        using var scope = NewDisposeScope();
        Observable.AddTo(entry.Accumulator, x.detach());
    }

    /// <summary>
    /// The recorded cumulants as a track ordered by step; <paramref name="analytic"/> (time → κ_1..κ_order), e.g. the
    /// forward law at t, gives the overlay (NaN when null).
    /// </summary>
    public CumulantTrack ToTrack(Func<double, IReadOnlyList<double>>? analytic = null)
    {
        var points = new List<CumulantTrackPoint>();
        long count = 0; int blocks = 0; long blockSize = 0;
        foreach (var (_, (time, acc)) in _steps)
        {
            var s = acc.Summarize(0, _order);
            (count, blocks, blockSize) = (s.Count, s.BlockCount, s.BlockSize);
            var a = analytic?.Invoke(time);
            for (int n = 1; n <= _order; n++)
                points.Add(new CumulantTrackPoint(time, n, s.Kappa(n), a is not null && n - 1 < a.Count ? a[n - 1] : double.NaN));
        }
        return new CumulantTrack(Observable.ToString(), count, blocks, blockSize, points);
    }
}
