using System.Globalization;
using System.Text;
using ScoreScope.Experiments.Plotting;
using ScoreScope.Scores;
using ScoreScope.Semigroups;
using static TorchSharp.torch;
using SeedStreams = ScoreScope.Numerics.Seeds;

namespace ScoreScope.Experiments.OperatorInformed;

/// <summary>
/// Stage (b): the 2-D toy comparison of the paper's rebuttal table on T² — training-free OISM(high) and OISM(low), the
/// residual OISM(low)+NN, the network warm-started on OISM(low), and the network alone, all networks at the same
/// iteration budget — over several repetitions, scored by the Fisher error E_{ρ_t}|s − ∇log ρ_t|² against the reference
/// score of the wrapped data law (<see cref="TorusToyData"/>) at t ∈ {0.05, 0.1, 0.2, 0.5}. The summary per repetition is
/// the σ_t²-weighted mean over these times, (1/4)Σ_t 2t·FE(t) (the DSM weighting), reported as mean ± SE over repetitions.
/// Every method is also scored by its held-out log-likelihood through the probability-flow ODE (<see cref="ToyLikelihood"/>).
/// </summary>
static class ToyComparison
{
    public static readonly double[] EvaluationTimes = [0.05, 0.1, 0.2, 0.5];
    public static readonly string[] Methods = ["OISM(high)", "OISM(low)", "OISM(low)+NN", "NN warm-started", "NN only"];

    public static (ResultTable Table, ResultTable Likelihood, List<string> Figures, List<string> Notes) Run(string folder, OperatorInformedSettings settings, ClaimReport claims,
        IExperimentProgress progress, CancellationToken cancellationToken)
    {
        var detail = new StringBuilder("dataset,method,repetition,t,fisher_error,fisher_error_se\n");
        var summary = new StringBuilder("dataset,reference,method,weighted_fisher_error_mean,weighted_fisher_error_se,repetitions\n");
        var rows = new List<IReadOnlyList<string>>();
        var likelihoodDetail = new StringBuilder("dataset,method,repetition,log_likelihood_mean,log_likelihood_se_points,function_evaluations\n");
        var likelihoodSummary = new StringBuilder("dataset,method,log_likelihood_mean,log_likelihood_se,repetitions\n");
        var likelihoodRows = new List<IReadOnlyList<string>>();
        var figures = new List<string>();
        var notes = new List<string>();
        foreach (string name in settings.Datasets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (points, references) = EvaluationSet(name, settings);
            var weighted = Methods.ToDictionary(m => m, _ => new List<double>());
            var byTime = Methods.ToDictionary(m => m, _ => new double[EvaluationTimes.Length]);
            var likelihoods = Methods.ToDictionary(m => m, _ => new List<double>());
            var heldOut = ToyLikelihood.Draw(name, settings);
            double[][]? firstData = null;
            for (int r = 0; r < settings.Seeds; r++)
            {
                ulong seed = SeedStreams.Derive(settings.Seed, $"{name}-repetition-{r}");
                double[][] data;
                using (var g = SeedStreams.Generator(SeedStreams.Derive(seed, "data"))) data = TorusToyData.Sample(name, settings.TrainingSamples, g);
                firstData ??= data;
                var low = new TorusFullBasisOism(data, settings.LowFrequencies);
                var high = new TorusFullBasisOism(data, settings.HighFrequencies);
                var terminal = new TorusSmoothedEmpiricalDensity(data, settings.MaximumTime);
                if (r == 0)
                {
                    var (divergence, fromUniform) = ToyLikelihood.TerminalCheck(name, terminal, settings);
                    notes.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{name}: terminal density at T = {settings.MaximumTime} (KDE of the {settings.TrainingSamples} training points, repetition 1) vs the reference law there: mean log ρ_T − log ρ̂_T = {divergence:G3} nats; max |log ρ_T + 2 log 2π| = {fromUniform:G3} (the uniform terminal's error)"));
                }
                foreach (string method in Methods)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Func<double, double[][], double[][]> score = method switch
                    {
                        "OISM(high)" => (t, x) => OismScores(high, t, x),
                        "OISM(low)" => (t, x) => OismScores(low, t, x),
                        _ => null!,
                    };
                    Func<Tensor, double, Tensor> flow = method switch
                    {
                        "OISM(high)" => (x, t) => high.Score(high.Coefficients(t), x),
                        "OISM(low)" => (x, t) => low.Score(low.Coefficients(t), x),
                        _ => null!,
                    };
                    TorusResidualScore? model = null;
                    if (score is null)
                    {
                        var mode = method switch { "OISM(low)+NN" => OismNetworkMode.Residual, "NN warm-started" => OismNetworkMode.WarmStart, _ => OismNetworkMode.NetworkOnly };
                        var options = new TorusDenoisingOptions(mode, settings.TrainingSteps, settings.BatchSize, settings.LearningRate,
                            mode == OismNetworkMode.WarmStart ? settings.WarmStartSteps : 0, settings.MinimumTime, settings.MaximumTime,
                            Network: new MlpOptions(Width: settings.Width, Depth: settings.Depth, EmbeddingDimension: 32, EmbeddingScale: 30.0),
                            Seed: SeedStreams.Derive(seed, "training"));
                        var result = TorusDenoisingTrainer.Train(data, low, options, cancellationToken);
                        model = result.Model;
                        progress.Report(string.Create(CultureInfo.InvariantCulture,
                            $"  {name} repetition {r + 1}/{settings.Seeds} {method}: {settings.TrainingSteps} steps at {result.StepsPerSecond:F0} steps/s, final loss {result.Losses.TakeLast(100).Average():G4}"));
                        score = (t, x) => NetworkScores(model, t, x);
                        flow = model.DifferentiableScore;
                    }
                    double total = 0;
                    for (int i = 0; i < EvaluationTimes.Length; i++)
                    {
                        double t = EvaluationTimes[i];
                        var s = score(t, points[i]);
                        var (fe, se) = FisherError(s, references[i]);
                        detail.Append(CultureInfo.InvariantCulture, $"{name},{method},{r},{t},{fe:R},{se:R}\n");
                        total += 2 * t * fe / EvaluationTimes.Length;
                        byTime[method][i] += fe / settings.Seeds;
                    }
                    weighted[method].Add(total);
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    var likelihood = ToyLikelihood.Evaluate(flow, heldOut, terminal, cancellationToken);
                    likelihoods[method].Add(likelihood.Mean);
                    ToyLikelihood.WriteDetail(likelihoodDetail, name, method, r, likelihood);
                    progress.Report(string.Create(CultureInfo.InvariantCulture,
                        $"  {name} repetition {r + 1}/{settings.Seeds} {method}: held-out log-likelihood {likelihood.Mean:F4} ± {likelihood.Error:F4}, {likelihood.Evaluations} evaluations, {watch.Elapsed.TotalSeconds:F1} s"));
                    model?.Dispose();
                }
            }
            string reference = TorusToyData.ReferenceKind(name);
            var cells = new List<string> { name };
            foreach (string method in Methods)
            {
                var (mean, se) = ToyLikelihood.MeanAndError(weighted[method]);
                summary.Append(CultureInfo.InvariantCulture, $"{name},\"{reference}\",{method},{mean:R},{se:R},{settings.Seeds}\n");
                cells.Add($"{mean:G3} ± {se:G2}");
            }
            cells.Add(reference);
            rows.Add(cells);
            AddClaims(claims, name, weighted);
            var (referenceMean, referenceError) = ToyLikelihood.MeanAndError(heldOut.Reference);
            var likelihoodCells = new List<string> { name };
            foreach (string method in Methods)
            {
                var (mean, se) = ToyLikelihood.MeanAndError(likelihoods[method]);
                likelihoodSummary.Append(CultureInfo.InvariantCulture, $"{name},{method},{mean:R},{se:R},{settings.Seeds}\n");
                likelihoodCells.Add($"{mean:F3} ± {se:G2}");
            }
            likelihoodSummary.Append(CultureInfo.InvariantCulture, $"{name},\"reference: {reference}\",{referenceMean:R},{referenceError:R},\n");
            likelihoodCells.Add($"{referenceMean:F3} ± {referenceError:G2} ({reference})");
            likelihoodRows.Add(likelihoodCells);
            ToyLikelihood.AddClaims(claims, name, likelihoods, referenceMean);
            string dataFigure = $"toy-{name}.png", errorFigure = $"toy-fisher-{name}.png";
            PointCloudFigure.Write(Path.Combine(folder, dataFigure), [("training data (repetition 1)", firstData!.Select(p => p[0]).ToArray(), firstData!.Select(p => p[1]).ToArray())],
                $"{name} on T² = [−π, π)²", "x₁", "x₂", (-Math.PI, Math.PI, -Math.PI, Math.PI));
            LinePlot.Write(Path.Combine(folder, errorFigure),
                [.. Methods.Select(m => (m, EvaluationTimes.Select(Math.Log10).ToArray(), byTime[m].Select(Math.Log10).ToArray()))],
                $"{name}: Fisher error vs t (mean over {settings.Seeds} repetitions; reference {reference})", "log10 t", "log10 E|s − ∇log ρ_t|²");
            figures.Add(dataFigure);
            figures.Add(errorFigure);
        }
        File.WriteAllText(Path.Combine(folder, "toy-fisher.csv"), detail.ToString());
        File.WriteAllText(Path.Combine(folder, "toy-summary.csv"), summary.ToString());
        File.WriteAllText(Path.Combine(folder, "toy-likelihood.csv"), likelihoodDetail.ToString());
        File.WriteAllText(Path.Combine(folder, "toy-likelihood-summary.csv"), likelihoodSummary.ToString());
        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"(b) held-out log-likelihood: log p_{{t_min}}(x), t_min = {ToyLikelihood.MinimumTime}, of {settings.LikelihoodSamples} fresh draws of the wrapped law at t_min per data set (nats, Lebesgue density on [0, 2π)², uniform = {TorusProbabilityFlowLikelihood.UniformLogDensity(2):F4}), probability-flow ODE dx/dt = −s from t_min to T = {settings.MaximumTime} with the exact divergence (rtol = atol = 1e-5), terminal density the heat-kernel KDE of the repetition's training sample at T; mean ± SE over {settings.Seeds} repetitions."));
        notes.Add($"(b) toy table: σ²-weighted Fisher error (1/4)Σ_t 2t·E|s − ∇log ρ_t|², t ∈ {{0.05, 0.1, 0.2, 0.5}}, mean ± SE over {settings.Seeds} repetitions; every network {settings.TrainingSteps} iterations.");
        var table = new ResultTable($"(b) 2-D toy data on T²: weighted Fisher error (lower is better), mean ± SE over {settings.Seeds} repetitions",
            ["dataset", .. Methods, "reference score"], rows);
        var likelihoodTable = new ResultTable(
            $"(b) 2-D toy data on T²: held-out log-likelihood log p_{{{ToyLikelihood.MinimumTime}}}(x) in nats (higher is better), mean ± SE over {settings.Seeds} repetitions; last column the data law's own E log ρ_{{t_min}} ± SE over points (upper bound)",
            ["dataset", .. Methods, "reference E log ρ_t_min"], likelihoodRows);
        return (table, likelihoodTable, figures, notes);
    }

    static void AddClaims(ClaimReport claims, string name, Dictionary<string, List<double>> weighted)
    {
        double Mean(string m) => weighted[m].Average();
        string Pair(string a, string b) => $"{ClaimReport.Format(Mean(a))} vs {ClaimReport.Format(Mean(b))}; {ToyLikelihood.PairedDifference(weighted[a], weighted[b])}";
        claims.Add(new ClaimCheck($"toy-{name}-oism-high-beats-oism-low", "OISM(high) < OISM(low)", Pair("OISM(high)", "OISM(low)"), "means over repetitions",
            Mean("OISM(high)") < Mean("OISM(low)")));
        claims.Add(new ClaimCheck($"toy-{name}-residual-beats-nn-only", "finding: OISM(low)+NN < NN only", Pair("OISM(low)+NN", "NN only"), "means over repetitions",
            Mean("OISM(low)+NN") < Mean("NN only"), Checked: false));
        claims.Add(new ClaimCheck($"toy-{name}-warm-start-beats-nn-only", "finding: NN warm-started < NN only", Pair("NN warm-started", "NN only"), "means over repetitions",
            Mean("NN warm-started") < Mean("NN only"), Checked: false));
        claims.Add(new ClaimCheck($"toy-{name}-residual-beats-oism-low", "finding: OISM(low)+NN < OISM(low)", Pair("OISM(low)+NN", "OISM(low)"), "means over repetitions",
            Mean("OISM(low)+NN") < Mean("OISM(low)"), Checked: false));
    }

    // per evaluation time: points x_t (shared by every method and repetition) and the reference score there
    static (double[][][] Points, double[][][] References) EvaluationSet(string name, OperatorInformedSettings settings)
    {
        var points = new double[EvaluationTimes.Length][][];
        var references = new double[EvaluationTimes.Length][][];
        using var g = SeedStreams.Generator(SeedStreams.Derive(settings.Seed, "evaluation-" + name));
        for (int i = 0; i < EvaluationTimes.Length; i++)
        {
            double t = EvaluationTimes[i];
            points[i] = TorusToyData.SampleAt(name, settings.EvaluationSamples, t, g);
            var (smoother, time) = TorusToyData.Reference(name, t, settings.ReferenceSamples, settings.Seed);
            var s = new double[2];
            references[i] = [.. points[i].Select(p => { smoother.Score(time, p, s); return new[] { s[0], s[1] }; })];
        }
        return (points, references);
    }

    static double[][] OismScores(TorusFullBasisOism oism, double time, double[][] x)
    {
        var alpha = oism.Coefficients(time);
        return [.. x.Select(p => { var s = new double[2]; oism.Score(alpha, p, s); return s; })];
    }

    static double[][] NetworkScores(TorusResidualScore model, double time, double[][] x)
    {
        using var input = tensor(x.SelectMany(p => p).ToArray(), [x.Length, 2], dtype: ScalarType.Float64);
        using var score = model.Score(input, time);
        var values = score.data<double>().ToArray();
        return [.. Enumerable.Range(0, x.Length).Select(i => new[] { values[2 * i], values[2 * i + 1] })];
    }

    static (double Mean, double Error) FisherError(double[][] estimate, double[][] reference)
    {
        var squares = estimate.Select((s, i) => (s[0] - reference[i][0]) * (s[0] - reference[i][0]) + (s[1] - reference[i][1]) * (s[1] - reference[i][1])).ToList();
        return ToyLikelihood.MeanAndError(squares);
    }
}
