using System.Globalization;
using System.Text;
using ScoreScope.Data.MixedCumulant;
using ScoreScope.Experiments.Plotting;
using ScoreScope.SimplicityBias;

namespace ScoreScope.Experiments.MixedCumulants;

/// <summary>
/// Stage (b) of <c>reproduce mcm</c>: the order parameters of the tied denoiser over seeds on a log-spaced step grid for
/// each <see cref="MixedCumulantCase"/> — the largest normalised overlap with each spike, the skip s and the test loss
/// on the data, its Gaussian clone (with the latent cross-covariance) and its trace-matched mean clone — with ±1 SE
/// bands (Bardone, Merger &amp; Goldt 2026, arXiv 2603.12901; DiffusionEasy2Hard <c>train.learning_experiment</c>), and
/// the skip check: on isotropic Gaussian data the trained s tends to δ (per-coordinate loss s² − 2sδ + 1).
/// </summary>
internal static class LearningCurveStage
{
    static readonly string[] SpikeNames = ["mean", "covariance", "cumulant"];

    /// <summary>Runs every case; writes curves-CASE.csv and two figures per case; returns the summary table.</summary>
    public static (ResultTable Table, List<string> Figures, List<string> Notes) Run(string folder, MixedCumulantSettings settings,
        IReadOnlyList<MixedCumulantCase> cases, IExperimentProgress progress, CancellationToken cancellationToken)
    {
        var c = CultureInfo.InvariantCulture;
        var activation = HermiteTheoryStage.Lookup(settings.Activation);
        var noise = new FixedTimeNoise(settings.Time);
        int d = settings.CurveDimension;
        var figures = new List<string>();
        var notes = new List<string>();
        var rows = new List<IReadOnlyList<string>>();
        for (int index = 0; index < cases.Count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var problem = cases[index];
            long steps = problem.Order == 2 ? settings.CurvePairwiseSteps : settings.CurveQuarticSteps;
            var options = new TeacherStudentOptions
            {
                HiddenUnits = settings.HiddenUnits, Activation = activation, Noise = noise, Optimizer = DenoiserOptimizer.SphericalSgd,
                LearningRate = problem.LearningRate(settings, d), Steps = steps, LearnSkip = true, InitialSkip = 1,
                LogPoints = settings.CurveLogPoints, TestSize = settings.CurveTestSize, EscapeSpike = problem.Spike,
                EscapeThreshold = settings.EscapeThreshold,
            };
            progress.Report(string.Create(c, $"(b) learning curves, {problem.Name}: d = {d}, η = {options.LearningRate:G3}, {steps} steps × {settings.CurveSeeds} seeds"));
            var traces = TeacherStudentExperiment.Run(problem.Model(d), options, Numerics.Seeds.Derive(settings.Seed, $"curves-{problem.Name}"),
                settings.CurveSeeds, settings.Threads, cancellationToken);
            var overlaps = Enumerable.Range(0, 3).Select(s => TeacherStudentExperiment.Band(traces, t => t.Overlaps[s])).ToArray();
            var skip = TeacherStudentExperiment.Band(traces, t => t.Skip);
            var losses = new[]
            {
                ("data", TeacherStudentExperiment.Band(traces, t => t.DataLoss)),
                ("Gaussian clone", TeacherStudentExperiment.Band(traces, t => t.GaussianCloneLoss)),
                ("mean clone", TeacherStudentExperiment.Band(traces, t => t.MeanCloneLoss)),
            };
            WriteCsv(Path.Combine(folder, $"curves-{problem.Name}.csv"), overlaps, skip, losses.Select(l => l.Item2).ToArray());
            var x = skip.Steps.Select(s => (double)s).ToArray();
            string overlapFigure = $"curves-{problem.Name}-overlaps.png";
            BandPlot.Write(Path.Combine(folder, overlapFigure),
                [.. overlaps.Select((b, s) => ($"max overlap with {SpikeNames[s]} spike", x, b.Mean, b.StandardError)), ("skip s", x, skip.Mean, skip.StandardError)],
                string.Create(c, $"{problem.Name}: order parameters (d = {d}, {settings.CurveSeeds} seeds, ±1 SE)"), "step", "overlap / s", logX: true);
            string lossFigure = $"curves-{problem.Name}-losses.png";
            BandPlot.Write(Path.Combine(folder, lossFigure), [.. losses.Select(l => (l.Item1, x, l.Item2.Mean, l.Item2.StandardError))],
                string.Create(c, $"{problem.Name}: test loss ‖ε̂ − z‖²/d (d = {d}, ±1 SE)"), "step", "loss", logX: true);
            figures.Add(overlapFigure);
            figures.Add(lossFigure);
            int last = x.Length - 1, target = (int)problem.Spike;
            int escaped = traces.Count(t => t.EscapeStep is not null);
            double gap = losses[1].Item2.Mean[last] - losses[0].Item2.Mean[last];
            rows.Add([problem.Name, d.ToString(c), skip.Steps[last].ToString(c),
                $"{overlaps[target].Mean[last]:F3} ± {overlaps[target].StandardError[last]:F3}", $"{escaped}/{traces.Length}",
                $"{skip.Mean[last]:F4}", $"{losses[0].Item2.Mean[last]:F4}", $"{losses[1].Item2.Mean[last]:F4}", $"{losses[2].Item2.Mean[last]:F4}"]);
            notes.Add(string.Create(c, $"{problem.Name}: final overlap with the {SpikeNames[target]} spike {overlaps[target].Mean[last]:F3} ± {overlaps[target].StandardError[last]:F3}; " +
                $"Gaussian-clone loss − data loss = {gap:+0.0000;−0.0000} at step {skip.Steps[last]}"));
        }
        var table = new ResultTable(string.Create(c, $"learning curves at the last step (spherical SGD, {activation.Name}, t = {settings.Time:G3}; s learned from 1)"),
            ["case", "d", "step", "overlap (target spike)", "escaped", "s", "loss data", "loss Gaussian clone", "loss mean clone"], rows);
        return (table, figures, notes);
    }

    /// <summary>The skip check on N(0, I) data: plain SGD of the tied single neuron with s learned from 1; claim s → δ within 2%.</summary>
    public static void SkipCheck(MixedCumulantSettings settings, ClaimReport claims, List<string> notes)
    {
        var noise = new FixedTimeNoise(settings.Time);
        var isotropic = new AlignedMixedCumulantModel(settings.SkipDimension, new GaussianLatentLaw(), false, 1, 0);
        var options = new TeacherStudentOptions
        {
            HiddenUnits = 1, Activation = HermiteTheoryStage.Lookup(settings.Activation), Noise = noise, Optimizer = DenoiserOptimizer.Sgd,
            LearningRate = settings.SkipLearningRate, BatchSize = settings.SkipBatchSize, Steps = settings.SkipSteps, LearnSkip = true,
            InitialSkip = 1, LogPoints = 2, TestSize = 0,
        };
        var traces = TeacherStudentExperiment.Run(isotropic, options, Numerics.Seeds.Derive(settings.Seed, "skip"), settings.SkipSeeds, settings.Threads);
        var final = new MathNet.Numerics.Statistics.RunningStatistics(traces.Select(t => t.Skip[^1]));
        double se = traces.Length > 1 ? final.StandardDeviation / Math.Sqrt(traces.Length) : double.NaN;
        claims.AddWithinRelative("skip-converges-to-delta-isotropic-gaussian", noise.Delta, final.Mean, 0.02, se);
        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"skip on N(0, I), d = {settings.SkipDimension}: s = {final.Mean:F5} ± {se:G2} after {settings.SkipSteps} steps vs δ = {noise.Delta:F5} (relative deviation {final.Mean / noise.Delta - 1:G3})"));
    }

    static void WriteCsv(string path, SeedBand[] overlaps, SeedBand skip, SeedBand[] losses)
    {
        var c = CultureInfo.InvariantCulture;
        var csv = new StringBuilder("step,replicas");
        foreach (string s in SpikeNames) csv.Append(c, $",overlap_{s},overlap_{s}_se");
        csv.Append(",skip,skip_se,loss_data,loss_data_se,loss_gaussian_clone,loss_gaussian_clone_se,loss_mean_clone,loss_mean_clone_se\n");
        for (int j = 0; j < skip.Steps.Length; j++)
        {
            csv.Append(c, $"{skip.Steps[j]},{skip.Count[j]}");
            foreach (var band in overlaps) csv.Append(c, $",{band.Mean[j]:R},{band.StandardError[j]:R}");
            csv.Append(c, $",{skip.Mean[j]:R},{skip.StandardError[j]:R}");
            foreach (var band in losses) csv.Append(c, $",{band.Mean[j]:R},{band.StandardError[j]:R}");
            csv.Append('\n');
        }
        File.WriteAllText(path, csv.ToString());
    }
}
