namespace ScoreScope.Cli.Plotting;

/// <summary>
/// Axis limits of a sample-over-data scatter plot that a handful of outlying samples cannot stretch: the box spanned by
/// the reference data and by the central 99 % of the samples (0.5 % and 99.5 % quantiles per axis), padded by 10 %
/// of its width. Samples outside it are counted, so the plot can say how many it does not show.
/// </summary>
/// <param name="XMin">Left limit.</param>
/// <param name="XMax">Right limit.</param>
/// <param name="YMin">Bottom limit.</param>
/// <param name="YMax">Top limit.</param>
/// <param name="SamplesOutside">Samples (non-finite ones included) outside the limits.</param>
public sealed record ScatterAxisLimits(double XMin, double XMax, double YMin, double YMax, int SamplesOutside)
{
    /// <summary>Quantile of the samples kept at each end of each axis.</summary>
    public const double TailFraction = 0.005;

    /// <summary>Relative padding of the box on each side.</summary>
    public const double Padding = 0.1;

    /// <summary>The limits for <paramref name="reference"/> and <paramref name="samples"/>.</summary>
    public static ScatterAxisLimits Of((double[] X, double[] Y) reference, (double[] X, double[] Y) samples)
    {
        var (xMin, xMax) = Range(reference.X, samples.X);
        var (yMin, yMax) = Range(reference.Y, samples.Y);
        int count = Math.Min(samples.X.Length, samples.Y.Length);
        int outside = 0;
        for (int i = 0; i < count; i++)
        {
            double x = samples.X[i], y = samples.Y[i];
            if (!(x >= xMin && x <= xMax && y >= yMin && y <= yMax)) outside++;
        }
        return new ScatterAxisLimits(xMin, xMax, yMin, yMax, outside);
    }

    static (double Min, double Max) Range(double[] reference, double[] samples)
    {
        var finiteSamples = samples.Where(double.IsFinite).Order().ToArray();
        var finiteReference = reference.Where(double.IsFinite).ToArray();
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        if (finiteReference.Length > 0)
        {
            lo = finiteReference.Min();
            hi = finiteReference.Max();
        }
        if (finiteSamples.Length > 0)
        {
            lo = Math.Min(lo, Quantile(finiteSamples, TailFraction));
            hi = Math.Max(hi, Quantile(finiteSamples, 1 - TailFraction));
        }
        if (!double.IsFinite(lo) || !double.IsFinite(hi)) return (-1, 1);
        double width = hi - lo;
        double pad = width > 0 ? Padding * width : Math.Max(1, Math.Abs(lo)) * Padding;
        return (lo - pad, hi + pad);
    }

    /// <summary>The q-quantile of sorted values by linear interpolation (type 7).</summary>
    static double Quantile(double[] sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
