using TorchSharp;
using static TorchSharp.torch;

namespace ScoreScope.Analysis;

/// <summary>
/// Samples far from the data: the fraction of samples x with |x − c| &gt; R, where c is the mean of a set of true samples
/// independent of a reference set of n true samples y_i and R = max_i |y_i − c| (the data's radius at this sample
/// size). Given c, a true sample and the y_i are exchangeable, so a perfect sampler's draw lies beyond R with
/// probability exactly 1/(n + 1): that is the expected fraction. A model that throws a few samples far out (an
/// ε-parametrised VP model at small t) shows a fraction many times larger, and the largest sample radius says how far.
/// </summary>
/// <param name="Radius">R, the largest distance of a reference point from the centre c.</param>
/// <param name="Count">Samples beyond R (non-finite samples included).</param>
/// <param name="Fraction">Count / number of samples.</param>
/// <param name="ExpectedFraction">1/(n + 1), the fraction expected of true samples.</param>
/// <param name="MaximumSampleRadius">The largest |x − c| over the samples (infinity when one is not finite).</param>
public sealed record OutlierFraction(double Radius, long Count, double Fraction, double ExpectedFraction, double MaximumSampleRadius)
{
    /// <summary>
    /// The outliers of <paramref name="samples"/> [N, …] against <paramref name="reference"/> [n, …], centred on the mean
    /// of <paramref name="centreSet"/> [k, …] (true samples independent of the reference set).
    /// </summary>
    /// <exception cref="ArgumentException">When a set is empty or the point shapes differ.</exception>
    public static OutlierFraction Compute(Tensor samples, Tensor reference, Tensor centreSet)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(centreSet);
        if (samples.shape[0] < 1 || reference.shape[0] < 1 || centreSet.shape[0] < 1)
            throw new ArgumentException($"outliers need at least one sample, reference point and centre point (got {samples.shape[0]}, {reference.shape[0]} and {centreSet.shape[0]})");
        foreach (var (name, other) in new[] { ("reference", reference), ("centre set", centreSet) })
        {
            if (!samples.shape.Skip(1).SequenceEqual(other.shape.Skip(1)))
                throw new ArgumentException($"samples of shape [{string.Join(", ", samples.shape)}] and {name} [{string.Join(", ", other.shape)}] have different point shapes");
        }
        using var scope = NewDisposeScope();
        var y = reference.reshape(reference.shape[0], -1).to(ScalarType.Float64);
        var x = samples.reshape(samples.shape[0], -1).to(ScalarType.Float64);
        var centre = centreSet.reshape(centreSet.shape[0], -1).to(ScalarType.Float64).mean([0], keepdim: true);
        double radius = (y - centre).norm(1).max().item<double>();
        var distances = (x - centre).norm(1);
        var finite = distances.isfinite();
        using var threshold = radius.ToScalar();
        long count = distances.gt(threshold).logical_or(finite.logical_not()).sum().item<long>();
        double maximum = finite.all().item<bool>() ? distances.max().item<double>() : double.PositiveInfinity;
        long n = reference.shape[0];
        return new OutlierFraction(radius, count, (double)count / samples.shape[0], 1.0 / (n + 1), maximum);
    }
}
