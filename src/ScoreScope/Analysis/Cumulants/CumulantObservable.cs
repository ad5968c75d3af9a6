using System.Globalization;
using static TorchSharp.torch;

namespace ScoreScope.Analysis;

/// <summary>
/// A scalar observable of samples [N, …] whose cumulants are estimated: pooled sites, the coordinate mean
/// (magnetisation), one coordinate, or a general linear combination (see <see cref="SampleCumulants"/>).
/// </summary>
public sealed class CumulantObservable
{
    readonly string _name;
    readonly Func<Tensor, CumulantOptions?, int, CumulantSummary> _summarize;
    readonly Func<long, double> _noiseVariance;

    CumulantObservable(string name, Func<Tensor, CumulantOptions?, int, CumulantSummary> summarize, Func<long, double> noiseVariance)
    {
        _name = name;
        _summarize = summarize;
        _noiseVariance = noiseVariance;
    }

    /// <summary>All coordinates pooled (site cumulants).</summary>
    public static CumulantObservable Site { get; } = new("site", SampleCumulants.Site, _ => 1.0);

    /// <summary>The coordinate mean M = D⁻¹ Σ_i x_i.</summary>
    public static CumulantObservable Mean { get; } = new("mean", SampleCumulants.Mean, d => 1.0 / d);

    /// <summary>Coordinate <paramref name="index"/> of the flattened event.</summary>
    public static CumulantObservable Coordinate(long index) =>
        new($"coord:{index}", (x, o, n) => SampleCumulants.Coordinate(x, index, o, n), _ => 1.0);

    /// <summary>The linear observable Σ_i w_i x_i.</summary>
    public static CumulantObservable Linear(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var w = weights.ToArray();
        return new("linear", (x, o, n) => SampleCumulants.Linear(x, w, o, n), _ => w.Sum(v => v * v));
    }

    /// <summary>Parses "site", "mean" or "coord:i".</summary>
    /// <exception cref="FormatException">For any other text.</exception>
    public static CumulantObservable Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text == "site") return Site;
        if (text == "mean") return Mean;
        if (text.StartsWith("coord:", StringComparison.Ordinal) && long.TryParse(text.AsSpan(6), NumberStyles.Integer, CultureInfo.InvariantCulture, out long i) && i >= 0)
            return Coordinate(i);
        throw new FormatException($"unknown observable '{text}'; expected site, mean or coord:i.");
    }

    /// <summary>The variance b²·|w|² that the forward noise adds to this observable per unit b² (D = event size).</summary>
    public double NoiseVariance(long eventSize) => _noiseVariance(eventSize);

    /// <summary>Cumulants of this observable of <paramref name="samples"/> with errors.</summary>
    public CumulantSummary Summarize(Tensor samples, CumulantOptions? options = null, int order = CentralMoments.MaxOrder) =>
        _summarize(samples, options, order);

    /// <inheritdoc/>
    public override string ToString() => _name;
}
