using MathNet.Numerics.Statistics;
using ScoreScope.Data;
using static TorchSharp.torch;

namespace ScoreScope.Analysis;

/// <summary>
/// "Pollution" of generated samples: the distribution of dist(x, M) for data on a manifold M (Lu, Wang, Bal 2023,
/// arXiv 2301.07882, whose experiments report reduced pollution for the conditional-expectation target; the exact
/// metric of the paper is not known, docs/science/singular-scores.md §4). Quantiles use MathNet's default definition.
/// </summary>
/// <param name="Count">The number of samples.</param>
/// <param name="Median">The median distance.</param>
/// <param name="Quantile90">The 90% quantile of the distance.</param>
/// <param name="Tolerance">The tolerance τ.</param>
/// <param name="FractionBeyondTolerance">The fraction of samples with dist(x, M) &gt; τ.</param>
/// <param name="NonFiniteCount">The number of samples with a non-finite coordinate (excluded from the other statistics).</param>
public sealed record PollutionReport(int Count, double Median, double Quantile90, double Tolerance, double FractionBeyondTolerance, int NonFiniteCount)
{
    /// <summary>Measures samples x [n, D] against a manifold with tolerance τ.</summary>
    public static PollutionReport Measure(IManifold manifold, Tensor samples, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(manifold);
        using var distances = manifold.Distance(samples);
        return FromDistances(distances.cpu().data<double>().ToArray(), tolerance);
    }

    /// <summary>Summarises distances to the manifold; non-finite entries are counted separately.</summary>
    /// <exception cref="ArgumentException">When no finite distance is given or τ is negative.</exception>
    public static PollutionReport FromDistances(IReadOnlyList<double> distances, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(distances);
        if (!(tolerance >= 0)) throw new ArgumentException($"tolerance must be ≥ 0; got {tolerance}.", nameof(tolerance));
        var finite = distances.Where(double.IsFinite).ToArray();
        if (finite.Length == 0) throw new ArgumentException($"no finite distance among {distances.Count}.", nameof(distances));
        Array.Sort(finite);
        return new PollutionReport(
            distances.Count,
            SortedArrayStatistics.Median(finite),
            SortedArrayStatistics.Quantile(finite, 0.9),
            tolerance,
            finite.Count(d => d > tolerance) / (double)finite.Length,
            distances.Count - finite.Length);
    }
}
