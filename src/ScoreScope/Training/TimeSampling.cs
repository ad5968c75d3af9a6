using ScoreScope.Numerics;
using System.Globalization;
using static TorchSharp.torch;

namespace ScoreScope.Training;

/// <summary>
/// The distribution of per-sample training times t ∈ [<see cref="Minimum"/>, <see cref="Maximum"/>] for a denoising
/// loss. Draws come only from the generator passed in.
/// </summary>
/// <param name="Kind">Uniform, log-uniform or DDPM indices.</param>
/// <param name="Minimum">t_min &gt; 0 (score_sde's ε; the loss is undefined at b(0) = 0).</param>
/// <param name="Maximum">t_max, normally the process's end time T.</param>
/// <param name="DdpmSteps">N, the number of DDPM indices (only for <see cref="TimeSamplingKind.DdpmIndices"/>).</param>
public sealed record TimeSampling(
    TimeSamplingKind Kind = TimeSamplingKind.Uniform,
    double Minimum = 1e-3,
    double Maximum = 1.0,
    int DdpmSteps = 1000)
{
    /// <summary>Checks 0 &lt; t_min &lt; t_max and N ≥ 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Naming the offending value.</exception>
    public void Validate()
    {
        if (!(Minimum > 0) || !double.IsFinite(Minimum))
            throw new ArgumentOutOfRangeException(nameof(Minimum), Minimum, "t_min must be finite and > 0.");
        if (!(Maximum > Minimum) || !double.IsFinite(Maximum))
            throw new ArgumentOutOfRangeException(nameof(Maximum), Maximum, $"t_max must be finite and > t_min = {Minimum}.");
        if (DdpmSteps < 1)
            throw new ArgumentOutOfRangeException(nameof(DdpmSteps), DdpmSteps, "The number of DDPM indices must be ≥ 1.");
    }

    /// <summary>Draws <paramref name="count"/> times as a [count] float64 tensor.</summary>
    public Tensor Sample(long count, Generator generator, Device? device = null)
    {
        Validate();
        using var scope = NewDisposeScope();
        Tensor t = Kind switch
        {
            TimeSamplingKind.LogUniform =>
                (rand(new[] { count }, dtype: ScalarType.Float64, generator: generator).Multiply(Math.Log(Maximum / Minimum)).Add(Math.Log(Minimum))).exp(),
            TimeSamplingKind.DdpmIndices =>
                randint(1, DdpmSteps + 1, new[] { count }, dtype: ScalarType.Float64, generator: generator).Multiply(Maximum / DdpmSteps),
            _ => rand(new[] { count }, dtype: ScalarType.Float64, generator: generator).Multiply(Maximum - Minimum).Add(Minimum),
        };
        return t.to(device ?? CPU).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Edges of <paramref name="buckets"/> time buckets covering [t_min, t_max]: equal in ln t for log-uniform
    /// sampling, equal in t otherwise. Used for per-bucket loss logging.
    /// </summary>
    public double[] BucketEdges(int buckets)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(buckets);
        double lo = Kind == TimeSamplingKind.DdpmIndices ? Maximum / DdpmSteps : Minimum;
        var edges = new double[buckets + 1];
        for (int i = 0; i <= buckets; i++)
        {
            double u = i / (double)buckets;
            edges[i] = Kind == TimeSamplingKind.LogUniform ? lo * Math.Pow(Maximum / lo, u) : lo + (Maximum - lo) * u;
        }
        return edges;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Kind}[{Minimum}, {Maximum}]");
}
