using ScoreScope.Numerics;
using ScoreScope.Processes;
using static TorchSharp.torch;

namespace ScoreScope.Analysis;

/// <summary>
/// Forward tracking: pushes a data set through a linear forward process along one exact Markov path
/// (x_{t_k} = a(t_k|t_{k−1})x_{t_{k−1}} + b(t_k|t_{k−1})z, <see cref="ForwardProcess.Transition"/>) and measures the
/// cumulants of an observable at each time, beside the analytic law of <see cref="ForwardCumulantLaw"/>
/// (Aarts et al. 2024, arXiv 2410.21212, Fig. "noise in the forward process").
/// </summary>
public static class ForwardCumulantTracker
{
    /// <summary>
    /// Tracks κ̂_1..κ̂_order of <paramref name="observable"/> of <paramref name="data"/> [N, …] at the given increasing
    /// times (t = 0 allowed), using noise from <paramref name="generator"/>. The analytic overlay starts from
    /// <paramref name="initialCumulants"/> (e.g. exact toy-model values) or, when null, from the estimates at t = 0.
    /// </summary>
    /// <exception cref="ArgumentException">For times that are empty, negative or not increasing.</exception>
    public static CumulantTrack Track(Tensor data, ForwardProcess process, IReadOnlyList<double> times, Generator generator,
        CumulantObservable? observable = null, IReadOnlyList<double>? initialCumulants = null, int order = CentralMoments.MaxOrder,
        CumulantOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(times);
        if (times.Count == 0 || times[0] < 0 || times.Zip(times.Skip(1)).Any(p => p.Second <= p.First))
            throw new ArgumentException($"times must be non-empty, ≥ 0 and strictly increasing; got [{string.Join(", ", times)}].", nameof(times));
        var obs = observable ?? CumulantObservable.Site;
        long eventSize = SampleCumulants.EventSize(data);
        double projectionNormSquared = obs.ProjectionNormSquared(eventSize);
        double[]? kappa0 = initialCumulants?.ToArray();
        var points = new List<CumulantTrackPoint>();
        var x = data.to_type(ScalarType.Float64).detach().clone();
        double previous = 0;
        CumulantSummary? last = null;
        try
        {
            foreach (double t in times)
            {
                if (t > previous)
                {
                    var (a, b) = process.Transition(previous, t);
                    using var scope = NewDisposeScope();
                    var z = randn(x.shape, dtype: ScalarType.Float64, generator: generator);
                    x.MultiplyInPlace(a).AddScaledInPlace(z,b);
                    previous = t;
                }
                var summary = obs.Summarize(x, options, order);
                last = summary;
                if (kappa0 is null && t == 0) kappa0 = summary.Cumulants.Select(c => c.Value).ToArray();
                var analytic = kappa0 is null
                    ? Enumerable.Repeat(double.NaN, order).ToArray()
                    : ForwardCumulantLaw.Predict(process, t, kappa0.Take(order).ToArray(), projectionNormSquared);
                for (int n = 1; n <= order; n++)
                    points.Add(new CumulantTrackPoint(t, n, summary.Kappa(n), n - 1 < analytic.Length ? analytic[n - 1] : double.NaN));
            }
        }
        finally { x.Dispose(); }
        return new CumulantTrack(obs.ToString(), last!.Count, last.BlockCount, last.BlockSize, points);
    }
}
