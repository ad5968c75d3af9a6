using MathNet.Numerics.Statistics;

namespace ScoreScope.Analysis;

/// <summary>
/// A <see cref="PollutionReport"/> with bootstrap standard errors of its median, 90% quantile and fraction beyond the
/// tolerance (i.i.d. bootstrap over samples, Efron 1979; quantiles by MathNet's R-8 definition as in the report).
/// </summary>
/// <param name="Report">The point estimates.</param>
/// <param name="MedianError">Bootstrap standard error of the median.</param>
/// <param name="Quantile90Error">Bootstrap standard error of the 90% quantile.</param>
/// <param name="FractionError">Bootstrap standard error of the fraction beyond the tolerance.</param>
/// <param name="Replicates">The number of bootstrap replicates.</param>
public sealed record PollutionEstimate(PollutionReport Report, double MedianError, double Quantile90Error, double FractionError, int Replicates)
{
    /// <summary>
    /// Summarises distances dist(x, M) (non-finite entries counted separately and excluded) and bootstraps the errors
    /// with <paramref name="replicates"/> seeded resamplings of the finite distances.
    /// </summary>
    /// <exception cref="ArgumentException">When no finite distance is given or τ is negative.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When fewer than two replicates are asked for.</exception>
    public static PollutionEstimate Bootstrap(IReadOnlyList<double> distances, double tolerance, int replicates, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 2);
        var report = PollutionReport.FromDistances(distances, tolerance);
        var sorted = distances.Where(double.IsFinite).ToArray();
        Array.Sort(sorted);
        var resampled = new double[sorted.Length];
        var errors = BlockResampling.BootstrapErrors(sorted.Length, 3, replicates, seed, copies =>
        {
            // Expanding the copies of the sorted values in order gives the resample already sorted.
            int k = 0;
            for (int i = 0; i < copies.Length; i++)
                for (int c = 0; c < copies[i]; c++) resampled[k++] = sorted[i];
            double beyond = 0;
            for (int i = 0; i < resampled.Length; i++) if (resampled[i] > tolerance) beyond++;
            return [SortedArrayStatistics.Median(resampled), SortedArrayStatistics.Quantile(resampled, 0.9), beyond / resampled.Length];
        });
        return new PollutionEstimate(report, errors[0], errors[1], errors[2], replicates);
    }
}
