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
    readonly Func<long, double> _projectionNormSquared;
    readonly Action<BlockedCumulants, Tensor> _addChunk;

    CumulantObservable(string name, Func<Tensor, CumulantOptions?, int, CumulantSummary> summarize, Func<long, double> projectionNormSquared,
        Action<BlockedCumulants, Tensor> addChunk)
    {
        _name = name;
        _summarize = summarize;
        _projectionNormSquared = projectionNormSquared;
        _addChunk = addChunk;
    }

    static void AddSites(BlockedCumulants acc, Tensor chunk) =>
        acc.AddRows(chunk.data<double>().ToArray(), chunk.shape[0], (int)chunk.shape[1]);

    static Action<BlockedCumulants, Tensor> AddLinear(Func<long, double[]> weights) => (acc, chunk) =>
    {
        using var scope = NewDisposeScope();
        var w = weights(chunk.shape[1]);
        if (w.Length != chunk.shape[1]) throw new ArgumentException($"need {chunk.shape[1]} weights; got {w.Length}.", nameof(weights));
        var y = chunk.matmul(tensor(w, dtype: ScalarType.Float64));
        acc.AddRows(y.data<double>().ToArray(), chunk.shape[0]);
    };

    /// <summary>All coordinates pooled (site cumulants).</summary>
    public static CumulantObservable Site { get; } = new("site", SampleCumulants.Site, _ => 1.0, AddSites);

    /// <summary>The coordinate mean M = D⁻¹ Σ_i x_i.</summary>
    public static CumulantObservable Mean { get; } = new("mean", SampleCumulants.Mean, d => 1.0 / d,
        AddLinear(d => Enumerable.Repeat(1.0 / d, (int)d).ToArray()));

    /// <summary>Coordinate <paramref name="index"/> of the flattened event.</summary>
    public static CumulantObservable Coordinate(long index) =>
        new($"coord:{index}", (x, o, n) => SampleCumulants.Coordinate(x, index, o, n), _ => 1.0,
            AddLinear(d => index < d ? [.. Enumerable.Range(0, (int)d).Select(i => i == index ? 1.0 : 0.0)]
                : throw new ArgumentOutOfRangeException(nameof(index), index, $"coordinate index must be below the event size {d}.")));

    /// <summary>The linear observable Σ_i w_i x_i.</summary>
    public static CumulantObservable Linear(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var w = weights.ToArray();
        return new("linear", (x, o, n) => SampleCumulants.Linear(x, w, o, n), _ => w.Sum(v => v * v), AddLinear(_ => w));
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

    /// <summary>
    /// |w|², the squared norm of the projection w·x this observable takes (1 for a coordinate or pooled sites, 1/D for
    /// the coordinate mean; D = event size): the forward noise adds b²·|w|² to its variance (docs/science/cumulants.md §1).
    /// </summary>
    public double ProjectionNormSquared(long eventSize) => _projectionNormSquared(eventSize);

    /// <summary>Cumulants of this observable of <paramref name="samples"/> with errors.</summary>
    public CumulantSummary Summarize(Tensor samples, CumulantOptions? options = null, int order = CentralMoments.MaxOrder) =>
        _summarize(samples, options, order);

    /// <summary>Feeds a chunk of samples [n, …] into a one-series accumulator as values of this observable.</summary>
    public void AddTo(BlockedCumulants accumulator, Tensor chunk)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        ArgumentNullException.ThrowIfNull(chunk);
        using var scope = NewDisposeScope();
        long n = chunk.shape[0];
        _addChunk(accumulator, chunk.reshape(n, -1).to_type(ScalarType.Float64).cpu().contiguous());
    }

    /// <inheritdoc/>
    public override string ToString() => _name;
}
