using ScoreScope.Analysis;
using ScoreScope.Data.MixedCumulant;

namespace ScoreScope.SimplicityBias;

/// <summary>
/// Escape time (the first step at which a spike's overlap reaches the threshold) against the dimension d, over
/// several seeds per d, and the fitted exponent γ of steps ∝ d^γ with its standard error.
/// </summary>
/// <remarks>
/// Bardone, Merger &amp; Goldt (2026), arXiv 2603.12901: n ≍ d for pair-wise statistics (k* = 2, up to a log),
/// n ≳ d³ for a fourth-cumulant spike with independent latents (k* = 4), linear with correlated latents. The heuristic
/// of docs/science/simplicity-bias.md (§3) for spherical SGD on the sum loss asks for η ∝ d^{−k*/2}; with the per-coordinate loss
/// used here (‖·‖²/d) that is η = η₀·d^{1−k*/2} (see <see cref="LearningRate"/>). Replicas that do not escape within
/// the step budget are counted as censored and the point is fitted with the escaped ones only (the count is reported).
/// </remarks>
public static class EscapeTimeSweep
{
    /// <summary>η = η₀·d^{1 − k/2}: the theory's η ∝ d^{−k/2} for the sum loss, times d for the per-coordinate loss.</summary>
    public static double LearningRate(double baseRate, int dimension, int informationExponent) =>
        baseRate * Math.Pow(dimension, 1 - informationExponent / 2.0);

    /// <summary>Runs every dimension and fits log(mean escape step) against log d.</summary>
    /// <param name="dimensions">At least three distinct dimensions.</param>
    /// <param name="model">The data at dimension d.</param>
    /// <param name="options">The training options at dimension d (must set <see cref="TeacherStudentOptions.EscapeSpike"/>).</param>
    /// <param name="seed">The seed; dimension index i uses Seeds.Derive(seed, i).</param>
    /// <param name="replicas">Seeds per dimension.</param>
    /// <param name="maxThreads">Threads for the replicas.</param>
    public static EscapeTimeSweepResult Run(IReadOnlyList<int> dimensions, Func<int, MixedCumulantModel> model,
        Func<int, TeacherStudentOptions> options, ulong seed, int replicas, int maxThreads = 1)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        if (dimensions.Distinct().Count() < 3) throw new ArgumentException($"need ≥ 3 distinct dimensions; got [{string.Join(", ", dimensions)}].", nameof(dimensions));
        var points = new List<EscapeTimePoint>();
        for (int i = 0; i < dimensions.Count; i++)
        {
            int d = dimensions[i];
            var o = options(d) with { StopAtEscape = true, TestSize = 0, LogPoints = 2 };
            if (o.EscapeSpike is null) throw new ArgumentException("the options must set EscapeSpike.", nameof(options));
            var traces = TeacherStudentExperiment.Run(model(d), o, Numerics.Seeds.Derive(seed, (ulong)i), replicas, maxThreads);
            var escaped = traces.Where(t => t.EscapeStep is not null).Select(t => (double)t.EscapeStep!.Value).ToArray();
            var stats = new MathNet.Numerics.Statistics.RunningStatistics(escaped);
            points.Add(new EscapeTimePoint(d, o.LearningRate, escaped.Length, replicas - escaped.Length, o.Steps,
                escaped.Length > 0 ? stats.Mean : double.NaN,
                escaped.Length > 1 ? stats.StandardDeviation / Math.Sqrt(escaped.Length) : double.NaN,
                escaped.Length > 0 ? MathNet.Numerics.Statistics.Statistics.Median(escaped) : double.NaN));
        }
        var fitted = points.Where(p => p.Escaped > 0).ToArray();
        var fit = fitted.Length >= 3 ? PowerLawFit.Fit(fitted.Select(p => (double)p.Dimension).ToArray(), fitted.Select(p => p.MeanSteps).ToArray()) : null;
        return new EscapeTimeSweepResult(points, fit);
    }
}
