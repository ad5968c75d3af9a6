namespace ScoreScope.Data.MixedCumulant;

/// <summary>
/// The mean clone N(μ, v·I): the data's mean and an isotropic covariance. Any gap between a denoiser's loss on the
/// Gaussian clone and on this one measures its use of the covariance.
/// </summary>
/// <remarks>
/// Two conventions exist in the public code of Bardone, Merger &amp; Goldt (2026): the MCM code's
/// <c>make_noised_mean</c> matches the trace, v = tr Σ/d (<see cref="TraceMatched"/>); the image code uses v = 1.
/// </remarks>
public sealed class MeanClone : IPointSampler
{
    readonly double[] _mean;
    readonly double _scale;

    /// <summary>N(<paramref name="mean"/>, <paramref name="variance"/>·I).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unless the variance is finite and &gt; 0.</exception>
    public MeanClone(double[] mean, double variance)
    {
        ArgumentNullException.ThrowIfNull(mean);
        if (!(variance > 0) || double.IsInfinity(variance))
            throw new ArgumentOutOfRangeException(nameof(variance), variance, "the variance must be finite and > 0.");
        _mean = (double[])mean.Clone();
        Variance = variance;
        _scale = Math.Sqrt(variance);
    }

    /// <summary>The mean clone of <paramref name="model"/> with v = tr Σ/d (the MCM code's convention).</summary>
    public static MeanClone TraceMatched(MixedCumulantModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new MeanClone(model.Mean(), model.CovarianceTrace / model.Dimension);
    }

    /// <inheritdoc/>
    public int Dimension => _mean.Length;

    /// <summary>The isotropic variance v.</summary>
    public double Variance { get; }

    /// <inheritdoc/>
    public void Sample(Span<double> destination, Random random)
    {
        if (destination.Length != Dimension)
            throw new ArgumentException($"destination has length {destination.Length}; expected d = {Dimension}.", nameof(destination));
        Numerics.StandardNormalDraws.Fill(random, destination);
        for (int k = 0; k < destination.Length; k++) destination[k] = _mean[k] + _scale * destination[k];
    }
}
