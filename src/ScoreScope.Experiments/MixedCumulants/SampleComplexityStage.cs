using System.Globalization;
using System.Text;
using ScoreScope.Analysis;
using ScoreScope.Experiments.Plotting;
using ScoreScope.SimplicityBias;

namespace ScoreScope.Experiments.MixedCumulants;

/// <summary>
/// Stage (c) of <c>reproduce mcm</c>: the escape time (first step with overlap ≥ the threshold with the case's spike)
/// of the tied single neuron under spherical SGD against d, several seeds per d, and the fitted exponent of n ∝ d^γ
/// (Bardone, Merger &amp; Goldt 2026, arXiv 2603.12901: n ~ d for pair-wise statistics, n ≳ d³ for the fourth cumulant,
/// linear again with correlated latents). η = η₀·d^{1 − k*/2} (<see cref="EscapeTimeSweep.LearningRate"/>); the skip is
/// held at its optimum s = δ. The claimed γ is the censored maximum-likelihood fit (<see cref="CensoredPowerLawFit"/>,
/// Tobit on ln n) over every replica, a replica that has not escaped within the budget counting as "more than the
/// budget": least squares over the escaped replicas alone drops the slowest replicas at the largest d and biases γ low.
/// Both are reported, with the fit of the per-d means. The likelihood assumes normal scatter of ln n about the line; the
/// real scatter is skewed (the escape time of a replica scales as 1/m₀² of its random initial overlap m₀), so its SE
/// is a guide, and with nothing censored its γ equals the least-squares one.
/// </summary>
internal static class SampleComplexityStage
{
    /// <summary>Runs every case's sweep; writes sweep.csv, sweep-summary.csv and sweep.png; adds the γ claims.</summary>
    public static (ResultTable Table, List<string> Notes) Run(string folder, MixedCumulantSettings settings, IReadOnlyList<MixedCumulantCase> cases,
        ClaimReport claims, IExperimentProgress progress, CancellationToken cancellationToken)
    {
        var c = CultureInfo.InvariantCulture;
        var noise = new FixedTimeNoise(settings.Time);
        var activation = HermiteTheoryStage.Lookup(settings.Activation);
        var replicasCsv = new StringBuilder("case,d,eta,replica,escape_step\n");
        var summaryCsv = new StringBuilder("case,d,eta,budget,escaped,censored,mean_steps,mean_steps_se,median_steps,geometric_mean_steps\n");
        var rows = new List<IReadOnlyList<string>>();
        var notes = new List<string>();
        var plotted = new List<(string, double[], double[], double[])>();
        foreach (var problem in cases)
        {
            var dimensions = problem.Dimensions(settings);
            var allD = new List<double>();
            var allSteps = new List<double>();
            var allCensored = new List<bool>();
            var meanD = new List<double>();
            var means = new List<double>();
            var logMean = new List<double>();
            var logSe = new List<double>();
            for (int i = 0; i < dimensions.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int d = dimensions[i];
                var options = new TeacherStudentOptions
                {
                    HiddenUnits = settings.HiddenUnits, Activation = activation, Noise = noise, Optimizer = DenoiserOptimizer.SphericalSgd,
                    LearningRate = problem.LearningRate(settings, d), Steps = problem.Budget(settings), LearnSkip = false,
                    InitialSkip = noise.Delta, LogPoints = 2, TestSize = 0, EscapeSpike = problem.Spike,
                    EscapeThreshold = settings.EscapeThreshold, StopAtEscape = true,
                };
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var traces = TeacherStudentExperiment.Run(problem.Model(d), options,
                    Numerics.Seeds.Derive(Numerics.Seeds.Derive(settings.Seed, $"sweep-{problem.Name}"), (ulong)i), settings.SweepSeeds, settings.Threads, cancellationToken);
                var escaped = traces.Where(t => t.EscapeStep is not null).Select(t => (double)t.EscapeStep!.Value).ToArray();
                for (int k = 0; k < traces.Length; k++)
                    replicasCsv.Append(c, $"{problem.Name},{d},{options.LearningRate:R},{k},{(traces[k].EscapeStep is long s ? s.ToString(c) : "")}\n");
                var stats = new MathNet.Numerics.Statistics.RunningStatistics(escaped);
                var logs = new MathNet.Numerics.Statistics.RunningStatistics(escaped.Select(Math.Log10));
                double se = escaped.Length > 1 ? stats.StandardDeviation / Math.Sqrt(escaped.Length) : double.NaN;
                double median = escaped.Length > 0 ? MathNet.Numerics.Statistics.Statistics.Median(escaped) : double.NaN;
                double geometric = escaped.Length > 0 ? Math.Pow(10, logs.Mean) : double.NaN;
                summaryCsv.Append(c, $"{problem.Name},{d},{options.LearningRate:R},{options.Steps},{escaped.Length},{traces.Length - escaped.Length},{stats.Mean:R},{se:R},{median:R},{geometric:R}\n");
                progress.Report(string.Create(c, $"(c) sweep {problem.Name}, d = {d}: η = {options.LearningRate:G3}, escaped {escaped.Length}/{traces.Length}, mean {stats.Mean:F0} ± {se:F0} steps ({clock.Elapsed.TotalSeconds:F1} s)"));
                foreach (var trace in traces)
                {
                    allD.Add(d);
                    allSteps.Add(trace.EscapeStep is long step ? step : options.Steps);
                    allCensored.Add(trace.EscapeStep is null);
                }
                if (escaped.Length > 0)
                {
                    meanD.Add(d);
                    means.Add(stats.Mean);
                    logMean.Add(logs.Mean);
                    logSe.Add(escaped.Length > 1 ? logs.StandardDeviation / Math.Sqrt(escaped.Length) : double.NaN);
                }
            }
            // escaped-only least squares over the same replicas, for comparison with the censored fit
            var escapedIndices = Enumerable.Range(0, allD.Count).Where(i => !allCensored[i]).ToArray();
            int censored = allD.Count - escapedIndices.Length;
            var pooledD = escapedIndices.Select(i => allD[i]).ToArray();
            PowerLawFit? pooled = pooledD.Distinct().Count() >= 2 && pooledD.Length >= 3 ? PowerLawFit.Fit(pooledD, escapedIndices.Select(i => allSteps[i]).ToArray()) : null;
            PowerLawFit? ofMeans = meanD.Count >= 3 ? PowerLawFit.Fit(meanD, means) : null;
            CensoredPowerLawFit? likelihood = pooled is null ? null : FitCensored(allD, allSteps, allCensored);
            string span = string.Create(c, $"d ∈ [{dimensions.Min()}, {dimensions.Max()}] ({dimensions.Max() / (double)dimensions.Min():G3}×)");
            string measured = likelihood is null
                ? pooled is null ? "no fit (fewer than 3 escaped replicas at 2 dimensions)" : "no fit (the censored likelihood has no maximum)"
                : string.Create(c, $"γ = {likelihood.Exponent:F3} ± {likelihood.ExponentStandardError:F3} (censored maximum likelihood over {likelihood.Count} replicas, {likelihood.Censored} censored at the budget; escaped only: {pooled!.Exponent:F3} ± {pooled.ExponentStandardError:F3}; {span})");
            bool holds = likelihood is not null && likelihood.Exponent >= problem.Window.Low && likelihood.Exponent <= problem.Window.High;
            claims.Add(new ClaimCheck($"sweep-{problem.Name}-exponent", string.Create(c, $"γ ≈ {problem.ExpectedExponent:G2} (k* = {(problem.Name == "correlated" ? "4 marginally, 2 through the cross-covariance" : problem.Order.ToString(c))})"),
                measured, string.Create(c, $"[{problem.Window.Low:G2}, {problem.Window.High:G2}]"), holds, Checked: !settings.Quick));
            rows.Add([problem.Name, problem.Order.ToString(c), span,
                likelihood is null ? "—" : string.Create(c, $"{likelihood.Exponent:F3} ± {likelihood.ExponentStandardError:F3}"),
                pooled is null ? "—" : string.Create(c, $"{pooled.Exponent:F3} ± {pooled.ExponentStandardError:F3}"),
                ofMeans is null ? "—" : string.Create(c, $"{ofMeans.Exponent:F3} ± {ofMeans.ExponentStandardError:F3}"),
                string.Create(c, $"[{problem.Window.Low:G2}, {problem.Window.High:G2}]"), censored.ToString(c), holds ? "yes" : "no"]);
            notes.Add($"{problem.Name}: {problem.Description}; {measured}");
            plotted.Add(($"{problem.Name} (k* = {problem.Order})", [.. meanD], [.. logMean], [.. logSe]));
        }
        File.WriteAllText(Path.Combine(folder, "sweep.csv"), replicasCsv.ToString());
        File.WriteAllText(Path.Combine(folder, "sweep-summary.csv"), summaryCsv.ToString());
        BandPlot.Write(Path.Combine(folder, "sweep.png"), plotted,
            "escape time vs d (geometric mean over seeds, ±1 SE of log₁₀)", "d", "log₁₀ escape steps", logX: true);
        var table = new ResultTable(string.Create(c, $"sample complexity n ∝ d^γ (spherical SGD, s = δ, escape at overlap {settings.EscapeThreshold:G2})"),
            ["case", "k*", "dimensions", "γ (all replicas, censored ML)", "γ (escaped only)", "γ (per-d means)", "window", "censored", "in window"], rows);
        return (table, notes);
    }

    /// <summary>The censored maximum-likelihood fit of every replica (non-escaped ones censored at the budget), or null
    /// when its likelihood has no maximum.</summary>
    static CensoredPowerLawFit? FitCensored(List<double> dimensions, List<double> steps, List<bool> censored)
    {
        try { return CensoredPowerLawFit.Fit(dimensions, steps, censored); }
        catch (ArithmeticException) { return null; }
    }
}
