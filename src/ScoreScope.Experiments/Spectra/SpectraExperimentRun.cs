using System.Globalization;
using System.Text.Json;
using ScoreScope.Experiments.Plotting;
using ScoreScope.IO;
using ScoreScope.Data;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Scores;
using ScoreScope.Spectra;
using ScoreScope.Training;
using static TorchSharp.torch;

namespace ScoreScope.Experiments.Spectra;

/// <summary>The body of <c>reproduce spectra</c>: fills one run folder and the claim report.</summary>
internal sealed class SpectraExperimentRun
{
    readonly SpectraExperimentSettings _s;
    readonly string _folder;
    readonly ClaimReport _report;
    readonly IExperimentProgress _log;
    readonly CancellationToken _cancellationToken;
    readonly VarianceExplodingProcess _process;
    readonly Dictionary<string, string> _resolved = [];
    readonly SortedDictionary<string, double> _metrics = new(StringComparer.Ordinal);
    readonly List<SpectrumPlots.Curve> _dimensionCurves = [];

    public SpectraExperimentRun(SpectraExperimentSettings settings, string folder, ClaimReport report, IExperimentProgress log,
        CancellationToken cancellationToken)
    {
        _s = settings;
        _folder = folder;
        _report = report;
        _log = log;
        _cancellationToken = cancellationToken;
        _process = VarianceExplodingProcess.Geometric(settings.SigmaMin, settings.SigmaMax);
    }

    public Dictionary<string, string> Execute()
    {
        var exactVariances = GeometricSpacing.Between(_s.ExactMinVariance, _s.ExactMaxVariance, _s.ExactTimes);
        var trainedVariances = GeometricSpacing.Between(_s.TrainedMinVariance, _s.TrainedMaxVariance, _s.TrainedTimes);
        var exactTimes = SpectrumSweep.TimesAtSquaredNoiseToSignal(_process, exactVariances);
        var trainedTimes = SpectrumSweep.TimesAtSquaredNoiseToSignal(_process, trainedVariances);
        _resolved["process"] = _process.ToString();
        _resolved["time-convention"] = "σ² = b²/a², the squared noise-to-signal ratio (the paper's t; VE: b² = σ(t)² − σ_min², a = 1); spectra of b²J";
        _resolved["dimension-estimate"] = $"m̂ = D − #{{|ν| ≥ 1 − δ}}, δ = {Invariant(_s.SpikeTolerance)}";
        _resolved["gaps"] = $"manifold gap: between sorted positions D − d and D − d + 1; intermediate gap: the widest gap among the d tangent values with ≥ {SpectrumSeriesFiles.MinimumBlock} on either side; t_max: argmax over the grid refined by a parabola in log t; detected when width ≥ Δ = {Invariant(_s.GapThreshold)}";
        _resolved["trained-spectra"] = "singular values of b²J by autograd at clean data points (float64 coefficients, float32 network)";
        double eigenError = 0, vpError = 0, svdError = 0;
        foreach (var (name, blocks) in new[] { ("two", _s.TwoVariances), ("single", _s.SingleVariance) })
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var spec = new LinearManifoldSpec(_s.AmbientDimension, blocks, Seeds.Derive(_s.Seed, "manifold-" + name));
            using var data = spec.Build();
            var lambda = data.CovarianceEigenvalues.data<double>().ToArray();
            _resolved[$"{name}-manifold"] = spec.ToString();
            _metrics[$"{name}-lambda-min"] = lambda[0];
            _metrics[$"{name}-lambda-max"] = lambda[^1];

            _log.Report($"[{name}] exact spectra at {exactTimes.Length} times");
            var exact = SpectrumSweep.Exact(data, _process, exactTimes, _s.SpikeTolerance);
            eigenError = Math.Max(eigenError, EigenvalueError(exact, lambda));
            var vp = VariancePreservingProcess.WithBetaRange();
            var vpTimes = GeometricSpacing.Between(0.02, 1.0, _s.SvdTimes);
            vpError = Math.Max(vpError, EigenvalueError(SpectrumSweep.Exact(data, vp, vpTimes, _s.SpikeTolerance), lambda));
            svdError = Math.Max(svdError, ScoreMatrixError(data, lambda, exactTimes, name));
            SpectrumSeriesFiles.Write(_folder, $"spectra-exact-{name}", exact, lambda.Length);

            var model = Train(name, spec, data);
            using (model)
            {
                using var scope = NewDisposeScope();
                using var generator = Seeds.Generator(Seeds.Derive(_s.Seed, "points-" + name));
                var points = data.Sample(_s.Points, generator);
                _log.Report($"[{name}] trained spectra (autograd) at {trainedTimes.Length} times × {_s.Points} points");
                var watch = System.Diagnostics.Stopwatch.StartNew();
                var trained = SpectrumSweep.Autograd(model, _process, points, trainedTimes, _s.SpikeTolerance);
                _metrics[$"{name}-trained-spectra-seconds"] = watch.Elapsed.TotalSeconds;
                SpectrumSeriesFiles.Write(_folder, $"spectra-trained-{name}", trained, lambda.Length);
                WriteErrors(name, model, data, points, trainedTimes);
                Analyse(name, blocks, lambda, exact, trained);
            }
        }
        _report.Add(new ClaimCheck("exact-eigenvalues-ve", "−1 (D − d times) and −t/(t + λ_i)", $"max error {ClaimReport.Format(eigenError)}", "1e-8", eigenError <= 1e-8));
        _report.Add(new ClaimCheck("exact-eigenvalues-vp", "−1 and −t/(t + λ_i) with t = b²/a²", $"max error {ClaimReport.Format(vpError)}", "1e-8", vpError <= 1e-8));
        _report.Add(new ClaimCheck("score-matrix-svd", "symmetrised SVD = |exact eigenvalues|", $"max error {ClaimReport.Format(svdError)}", "1e-6", svdError <= 1e-6));
        SpectrumPlots.Curves(Path.Combine(_folder, "dimension-vs-t.png"), _dimensionCurves,
            $"m̂ = D − #{{|ν| ≥ {Invariant(1 - _s.SpikeTolerance)}}} vs t (d = 40)", "m̂", reference: _s.SingleVariance.Sum(b => b.Dimension));
        File.WriteAllText(Path.Combine(_folder, "metrics.json"), JsonSerializer.Serialize(_metrics, RunJson.Options) + "\n");
        return _resolved;
    }

    void Analyse(string name, VarianceBlock[] blocks, double[] lambda, SpectrumSeries exact, SpectrumSeries trained)
    {
        int d = _s.AmbientDimension, m = lambda.Length;
        var bulks = TangentCovarianceBulks.Of(d, blocks);
        _dimensionCurves.Add(new($"exact, {name}", exact.SquaredNoiseToSignal.ToArray(), exact.Dimension.ToArray(), false));
        _dimensionCurves.Add(new($"trained, {name}", trained.SquaredNoiseToSignal.ToArray(), trained.Dimension.ToArray(), false));
        for (int k = 0; k < bulks.Length; k++)
        {
            _metrics[$"{name}-theory-bulk{k}-lower"] = bulks[k].Lower;
            _metrics[$"{name}-theory-bulk{k}-upper"] = bulks[k].Upper;
        }

        // Dimension from the small-t spike of the trained model, used to place its tangent positions.
        int smallest = Math.Min(_s.SmallestTimes, trained.Times.Count);
        var smallDimensions = trained.Dimension.Take(smallest).ToArray();
        int trainedDimension = Math.Clamp((int)Math.Round(smallDimensions.Average()), 2, d - 1);
        _metrics[$"{name}-trained-dimension-smallest-times"] = smallDimensions.Average();

        var spectrumCurves = new List<SpectrumPlots.Curve>();
        for (int k = 0; k < d; k++)
            spectrumCurves.Add(new(null, exact.SquaredNoiseToSignal.ToArray(), exact.Mean.Select(r => r[k]).ToArray(), false));
        foreach (var (bulk, index) in bulks.Select((b, i) => (b, i)))
        {
            spectrumCurves.Add(new($"bulk {index} edge −t/(t+γ₋) (MP theory)", exact.SquaredNoiseToSignal.ToArray(), exact.SquaredNoiseToSignal.Select(t => -t / (t + bulk.Lower)).ToArray(), true));
            spectrumCurves.Add(new($"bulk {index} edge −t/(t+γ₊) (MP theory)", exact.SquaredNoiseToSignal.ToArray(), exact.SquaredNoiseToSignal.Select(t => -t / (t + bulk.Upper)).ToArray(), true));
        }
        SpectrumPlots.Curves(Path.Combine(_folder, $"spectra-vs-t-exact-{name}.png"), spectrumCurves,
            $"exact normalised eigenvalues of b²J vs t ({name} variance; grey: all {d} sorted values)", "ν");
        // Spectrum against theory at three times around the bulks' scale (0.1×, 1×, 10× the geometric mean of the edges).
        double ratio = (double)m / d;
        double[] weights = blocks.Select(b => (double)b.Dimension / m).ToArray();
        double[] variances = blocks.Select(b => b.StandardDeviation * b.StandardDeviation).ToArray();
        double scale = Math.Sqrt(bulks[0].Lower * bulks[^1].Upper);
        int Nearest(IReadOnlyList<double> grid, double target) =>
            Enumerable.Range(0, grid.Count).MinBy(i => Math.Abs(Math.Log(grid[i] / target)));
        foreach (var (factor, panel) in new[] { (0.1, 0), (1.0, 1), (10.0, 2) })
        {
            int i = Nearest(exact.SquaredNoiseToSignal, factor * scale);
            double sigmaSquared = exact.SquaredNoiseToSignal[i];
            int j = Nearest(trained.SquaredNoiseToSignal, sigmaSquared);
            double trainedSigmaSquared = trained.SquaredNoiseToSignal[j];
            bool closeInTime = Math.Abs(Math.Log10(trainedSigmaSquared / sigmaSquared)) <= 0.25;
            SpectrumPlots.TheoryOverlay(Path.Combine(_folder, $"spectrum-vs-theory-{name}-{panel}.png"), sigmaSquared, exact.Mean[i],
                closeInTime ? trained.Mean[j] : null, trainedSigmaSquared,
                NormalisedJacobianSpectrum.TangentBulks(sigmaSquared, ratio, weights, variances),
                nu => NormalisedJacobianSpectrum.TangentDensity(nu, sigmaSquared, ratio, weights, variances), 1 - ratio,
                $"{name} variance: spectrum of σ²J vs generalised MP theory at σ² = {Invariant(sigmaSquared)} (D = {d}, m = {m})");
        }
        SpectrumPlots.Heatmap(Path.Combine(_folder, $"heatmap-exact-{name}.png"), exact.SquaredNoiseToSignal.ToArray(), exact.Mean, $"exact spectrum, {name} variance");
        SpectrumPlots.Heatmap(Path.Combine(_folder, $"heatmap-trained-{name}.png"), trained.SquaredNoiseToSignal.ToArray(), trained.Mean,
            $"trained MLP: −(singular values of b²J), {name} variance, mean of {trained.Points} points");

        var gapCurves = new List<SpectrumPlots.Curve>
        {
            new("manifold gap, exact", exact.SquaredNoiseToSignal.ToArray(), SpectrumSeriesFiles.ManifoldGaps(exact, m).Select(g => g.Width).ToArray(), false),
            new("manifold gap, trained", trained.SquaredNoiseToSignal.ToArray(), SpectrumSeriesFiles.ManifoldGaps(trained, trainedDimension).Select(g => g.Width).ToArray(), false),
            new("λ_min/(λ_min + t) (data)", exact.SquaredNoiseToSignal.ToArray(), exact.SquaredNoiseToSignal.Select(t => SpectralGaps.ManifoldGap(t, lambda[0])).ToArray(), true),
        };
        if (bulks.Length > 0)
            gapCurves.Add(new("γ₋/(γ₋ + t) (MP theory)", exact.SquaredNoiseToSignal.ToArray(), exact.SquaredNoiseToSignal.Select(t => SpectralGaps.ManifoldGap(t, bulks[0].Lower)).ToArray(), true));

        if (name == "single")
        {
            var early = exact.SquaredNoiseToSignal.Select((t, i) => (t, m: exact.Dimension[i])).Where(p => p.t <= 0.1 * (1 + 1e-9)).ToArray();
            bool holds = early.Length > 0 && early.All(p => p.m == m);
            _report.Add(new ClaimCheck("exact-dimension-single", $"m̂ = {m}",
                $"m̂ ∈ [{early.Min(p => p.m)}; {early.Max(p => p.m)}] at all {early.Length} times t ≤ 0.1", "exact", holds));
            bool trainedHolds = smallDimensions.All(v => Math.Abs(v - m) <= 2);
            _report.Add(new ClaimCheck("trained-dimension-single",
                $"m̂ = {m} ± 2 at the {smallest} smallest t ≤ {Invariant(trained.SquaredNoiseToSignal[smallest - 1])}", string.Join("; ", smallDimensions.Select(v => v.ToString("F2", CultureInfo.InvariantCulture))), "±2", trainedHolds, Checked: !_s.Quick));
        }
        else
        {
            int low = blocks.OrderBy(b => b.StandardDeviation).First().Dimension;
            double a = lambda[low - 1], b = lambda[low];
            double predicted = SpectralGaps.PeakTime(a, b);
            _metrics["two-inner-edge-a"] = a;
            _metrics["two-inner-edge-b"] = b;
            _metrics["two-tmax-predicted"] = predicted;
            _resolved["predicted-tmax"] = $"√(ab) = {Invariant(predicted)}, a = λ_{low} = {Invariant(a)} (max of the low-variance bulk), b = λ_{low + 1} = {Invariant(b)} (min of the high-variance bulk) of the data's covariance";
            int expectedBelow = d - m + low;

            var (exactFirst, exactLast) = SpectrumSeriesFiles.TangentRange(d, m);
            var exactPeak = exact.PeakOfWidestGap(exactFirst, exactLast);
            var exactGap = exact.WidestGaps(exactFirst, exactLast)[exactPeak.GridIndex];
            _metrics["two-exact-tmax"] = exactPeak.Time;
            _report.AddWithinRelative("exact-intermediate-gap-tmax", predicted, exactPeak.Time, 0.02);
            _report.Add(new ClaimCheck("exact-intermediate-gap-position", $"{expectedBelow} values below the gap (D − d + m_low)",
                $"{exactGap.CountBelow} (width {exactGap.Width:F4})", "exact", exactGap.CountBelow == expectedBelow));

            var (trainedFirst, trainedLast) = SpectrumSeriesFiles.TangentRange(d, trainedDimension);
            var trainedPeak = trained.PeakOfWidestGap(trainedFirst, trainedLast);
            var trainedGap = trained.WidestGaps(trainedFirst, trainedLast)[trainedPeak.GridIndex];
            _metrics["two-trained-tmax"] = trainedPeak.Time;
            _metrics["two-trained-gap-width"] = trainedGap.Width;
            _metrics["two-trained-gap-count-below"] = trainedGap.CountBelow;
            bool detected = trainedGap.Width >= _s.GapThreshold && Math.Abs(trainedGap.CountBelow - expectedBelow) <= 2;
            _report.Add(new ClaimCheck("trained-intermediate-gap-detected", $"width ≥ {Invariant(_s.GapThreshold)} with {expectedBelow} ± 2 values below",
                $"width {trainedGap.Width:F4} with {trainedGap.CountBelow} below at t = {trainedPeak.Time:G4}", "Δ; ±2", detected, Checked: !_s.Quick));
            _report.Add(new ClaimCheck("trained-intermediate-gap-tmax", ClaimReport.Format(predicted), ClaimReport.Format(trainedPeak.Time), "20%",
                Math.Abs(trainedPeak.Time - predicted) <= 0.20 * predicted, Checked: !_s.Quick));

            var exactTangent = SpectrumSeriesFiles.TangentGaps(exact, m);
            gapCurves.Add(new("widest tangent gap, exact", exact.SquaredNoiseToSignal.ToArray(), exactTangent.Select(g => g.Width).ToArray(), false));
            gapCurves.Add(new("widest tangent gap, trained", trained.SquaredNoiseToSignal.ToArray(), SpectrumSeriesFiles.TangentGaps(trained, trainedDimension).Select(g => g.Width).ToArray(), false));
            gapCurves.Add(new("t(b−a)/((t+a)(t+b)) (data a, b)", exact.SquaredNoiseToSignal.ToArray(), exact.SquaredNoiseToSignal.Select(t => SpectralGaps.IntermediateGap(t, a, b)).ToArray(), true));
            if (bulks.Length > 1)
            {
                double ga = bulks[0].Upper, gb = bulks[1].Lower;
                gapCurves.Add(new("intermediate gap (generalised MP edges)", exact.SquaredNoiseToSignal.ToArray(), exact.SquaredNoiseToSignal.Select(t => SpectralGaps.IntermediateGap(t, ga, gb)).ToArray(), true));
                _metrics["two-tmax-generalised-mp"] = SpectralGaps.PeakTime(ga, gb);
                if (SpectralGaps.OpeningAndClosingTimes(ga, gb, _s.GapThreshold) is { } window)
                {
                    _metrics["two-gap-open-generalised-mp"] = window.Open;
                    _metrics["two-gap-close-generalised-mp"] = window.Close;
                }
            }
        }
        if (bulks.Length > 0)
        {
            var phases = new System.Text.StringBuilder("sigma_squared,phase\n");
            foreach (double t in exact.SquaredNoiseToSignal)
                phases.Append(CultureInfo.InvariantCulture, $"{t:R},{GenerationPhases.Classify(t, bulks, _s.GapThreshold)}\n");
            File.WriteAllText(Path.Combine(_folder, $"phases-{name}.csv"), phases.ToString());
            _metrics[$"{name}-trivial-phase-above"] = GenerationPhases.TrivialPhaseTime(bulks, _s.GapThreshold);
            _metrics[$"{name}-consolidation-phase-below"] = GenerationPhases.ConsolidationPhaseTime(bulks, _s.GapThreshold);
        }
        SpectrumPlots.Curves(Path.Combine(_folder, $"gap-widths-{name}.png"), gapCurves, $"gap widths vs t ({name} variance)", "gap width");
    }

    ScoreModel Train(string name, LinearManifoldSpec spec, SubspaceGaussianDistribution data)
    {
        string directory = Directory.CreateDirectory(Path.Combine(_folder, $"trained-{name}")).FullName;
        File.WriteAllText(Path.Combine(directory, LinearManifoldSpec.FileName), JsonSerializer.Serialize(spec, RunJson.Options) + "\n");
        var config = new ScoreModelConfig([_s.AmbientDimension], ForwardProcessSpec.VarianceExplodingGeometric(_s.SigmaMin, _s.SigmaMax),
            new MlpOptions(_s.Width, _s.Depth), ParametrisationKind.Edm);
        var options = ExperimentTraining.Options(_s.TrainingSteps, _s.BatchSize, _s.LearningRate,
            Seeds.Derive(_s.Seed, "training-" + name), evaluations: 10) with
        {
            Loss = new LossOptions(Times: new TimeSampling(TimeSamplingKind.Uniform, _s.TrainingMinimumTime, _s.TrainingMaximumTime)),
        };
        using var trainer = new Trainer(config, options, new DistributionTrainingData(data, spec.ToString()));
        trainer.OnMetrics = m => _log.Report(FormattableString.Invariant(
            $"[{name}] step {m.Step}/{options.Steps}: held-out loss (EMA) {m.HeldOutLossEma:G4}"));
        var result = trainer.Run(directory, cancellationToken: _cancellationToken);
        _cancellationToken.ThrowIfCancellationRequested();
        File.Delete(Path.Combine(directory, Trainer.CheckpointFileName));
        _metrics[$"{name}-training-seconds"] = result.Elapsed.TotalSeconds;
        _metrics[$"{name}-training-steps-per-second"] = result.StepsPerSecond;
        if (result.LastMetrics is { } last) _metrics[$"{name}-held-out-loss-ema"] = last.HeldOutLossEma;
        return ScoreModelFile.Load(result.ModelPath!);
    }

    /// <summary>Diagnostics of the trained score at 6 of the trained times: the relative score error under p_t and the
    /// relative Frobenius error of its Jacobian at the points.</summary>
    void WriteErrors(string name, ScoreModel model, SubspaceGaussianDistribution data, Tensor points, double[] trainedTimes)
    {
        var chosen = Enumerable.Range(0, 6).Select(i => trainedTimes[(int)Math.Round(i * (trainedTimes.Length - 1) / 5.0)]).Distinct().ToArray();
        var scoreErrors = ScoreErrorEvaluation.RelativeErrorCurve(model, data, _process, chosen, 2048, Seeds.Derive(_s.Seed, "score-error-" + name));
        var csv = new System.Text.StringBuilder("sigma_squared,relative_score_error,relative_score_error_se,jacobian_relative_frobenius_error\n");
        for (int i = 0; i < chosen.Length; i++)
        {
            using var scope = NewDisposeScope();
            var learned = ScoreJacobians.Autograd(model, points, chosen[i]);
            var exact = ScoreJacobians.Exact(data, _process, chosen[i], points.shape[0]);
            double jacobianError = ((learned - exact).Square().sum([1, 2]).sqrt() / exact.Square().sum([1, 2]).sqrt()).mean().item<double>();
            double t = _process.B(chosen[i]) * _process.B(chosen[i]);
            csv.Append(CultureInfo.InvariantCulture, $"{t:R},{scoreErrors[i].RelativeError:R},{scoreErrors[i].StandardError:R},{jacobianError:R}\n");
        }
        File.WriteAllText(Path.Combine(_folder, $"errors-trained-{name}.csv"), csv.ToString());
    }

    static double EigenvalueError(SpectrumSeries series, double[] lambda)
    {
        double error = 0;
        int d = series.AmbientDimension;
        for (int i = 0; i < series.Times.Count; i++)
        {
            double t = series.SquaredNoiseToSignal[i];
            var expected = Enumerable.Repeat(-1.0, d - lambda.Length).Concat(lambda.Select(l => -t / (t + l))).Order().ToArray();
            error = Math.Max(error, series.Mean[i].Zip(expected, (x, y) => Math.Abs(x - y)).Max());
        }
        return error;
    }

    double ScoreMatrixError(SubspaceGaussianDistribution data, double[] lambda, double[] exactTimes, string name)
    {
        using var scope = NewDisposeScope();
        using var generator = Seeds.Generator(Seeds.Derive(_s.Seed, "score-matrix-" + name));
        var points = data.Sample(_s.SvdPoints, generator);
        var score = data.ScoreFunction(_process);
        double error = 0;
        int d = _s.AmbientDimension;
        for (int j = 0; j < _s.SvdTimes; j++)
        {
            double time = exactTimes[(int)Math.Round((double)j * (exactTimes.Length - 1) / Math.Max(1, _s.SvdTimes - 1))];
            double b = _process.B(time), t = b * b;
            var values = ScoreMatrixSvd.NormalisedSingularValues(score, points, time, b, generator).data<double>().ToArray();
            var expected = Enumerable.Repeat(1.0, d - lambda.Length).Concat(lambda.Select(l => t / (t + l))).Order().ToArray();
            for (int i = 0; i < values.Length; i++) error = Math.Max(error, Math.Abs(values[i] - expected[i % d]));
        }
        return error;
    }

    static string Invariant(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
