using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ScoreScope.Cli.Errors;
using ScoreScope.Cli.Runs;
using ScoreScope.Cli.Settings;
using ScoreScope.Cli.Tables;
using ScoreScope.Cli.Terminal;
using ScoreScope.Data;
using ScoreScope.IO;
using ScoreScope.Likelihood;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Runs;
using ScoreScope.Scores;
using ScoreScope.Sampling;
using static TorchSharp.torch;

namespace ScoreScope.Cli.Commands;

/// <summary>
/// <c>scorescope likelihood</c>: per-point log-likelihoods log p_{t_min}(x) of an exact or trained score through its
/// probability-flow ODE (<see cref="ProbabilityFlowLikelihood"/>), with the mean ± SE over points, the NFE, the
/// Hutchinson standard error per point when estimated, bits/dim for MNIST, and — for the exact score of a closed-form
/// distribution — the closed-form log p_{t_min}(x) beside it.
/// </summary>
public sealed class LikelihoodCommand
{
    readonly CliConsole _console;
    readonly RunFolderTarget _target = new("likelihood");
    readonly ScoreSourceOptions _source = new(
        "A trained model (a 'scorescope train' run folder); its own process is used.",
        $"Distribution of the exact score and of fresh points: {string.Join(", ", DatasetTable.Names)}, or a .npy/.csv file of points (default: gmm8, or the model's training data).");

    /// <summary>Creates the command writing through <paramref name="console"/>.</summary>
    public LikelihoodCommand(CliConsole console) => _console = console;

    /// <summary>Builds the System.CommandLine command.</summary>
    public Command Build()
    {
        var score = OptionFactory.Text("--score", "exact (the exact score of --data under the process options) or model (needs --model); default: model when --model is given, else exact.");
        var input = OptionFactory.Text("--in", "Points x: an N × d (or N × event shape) .npy of float32/float64, or a numeric .csv (default: --n fresh draws of --data).");
        var count = OptionFactory.Integer("--n", "Number of fresh points when --in is not given, ≥ 1.", 1000);
        var seed = OptionFactory.Seed("--seed", "Seed of fresh points, dequantisation and Hutchinson probes (default 0).");
        var minimumTime = OptionFactory.Number("--t-min", "The time t_min of the density log p_{t_min}(x), in (0, T).", TimeGrid.DefaultMinimumTime);
        var rtol = OptionFactory.Number("--rtol", "Relative tolerance of the Dormand–Prince 5(4) solve, > 0.", 1e-5);
        var atol = OptionFactory.Number("--atol", "Absolute tolerance of the Dormand–Prince 5(4) solve, > 0.", 1e-5);
        var divergence = OptionFactory.Text("--divergence", "exact (D vector–Jacobian products per evaluation) or hutchinson (--probes of them, with a standard error per point).", "exact");
        var probes = OptionFactory.Integer("--probes", "Hutchinson probes per point, ≥ 1 (≥ 2 for a standard error).", 4);
        var probe = OptionFactory.Text("--probe", "Law of the Hutchinson probes: rademacher or gaussian.", "rademacher");
        var terminal = OptionFactory.Text("--terminal", "Density at T: prior (N(0, σ_p²I), the model's likelihood) or exact (the distribution's own p_T; exact score only, isolates the ODE error).", "prior");
        var dequantise = OptionFactory.Switch("--no-dequantise", "Do not dequantise fresh MNIST points (default: uniform dequantisation, as score_sde, for bits/dim).");
        var batchSize = OptionFactory.Integer("--batch-size", "Points solved together (they share the adaptive steps), ≥ 1.", 1000);
        var threads = CommonOptions.Threads();
        var verbose = CommonOptions.Verbose();
        var command = new Command("likelihood",
            "Log-likelihoods log p_{t_min}(x) through the probability-flow ODE (adaptive Dormand–Prince 5(4), exact or Hutchinson divergence) " +
            "of an exact or trained score; writes log_likelihood.npy, metrics.json/csv (mean ± SE, NFE, bits/dim for MNIST) and config.json.");
        foreach (var option in new Option[] { score, _source.Model, _source.Data, input, count, seed, minimumTime, rtol, atol, divergence, probes, probe, terminal, dequantise, batchSize })
            command.Options.Add(option);
        foreach (var option in _source.Process.All) command.Options.Add(option);
        foreach (var option in new Option[] { threads, _source.Device, _target.Out, _target.Force, verbose }) command.Options.Add(option);
        // The work runs on a pool thread so that System.CommandLine can observe Ctrl+C / SIGTERM meanwhile and cancel it.
        command.SetAction((parseResult, cancellationToken) => Task.Run(() => CommandRunner.Run("likelihood", _console, parseResult.GetValue(verbose), () =>
        {
            string? modelFolder = _source.ModelFolder(parseResult);
            string scoreKind = parseResult.GetValue(score) ?? (modelFolder is null ? "exact" : "model");
            if (scoreKind is not ("exact" or "model"))
                throw new UsageException($"--score: unknown value '{scoreKind}'; valid: exact, model");
            if (scoreKind == "model" && modelFolder is null)
                throw new UsageException("--score model needs --model (a 'scorescope train' run folder)");
            if (scoreKind == "exact" && modelFolder is not null)
                throw new UsageException("--score exact does not take --model (give --data and the process options)");
            _source.CheckProcessNotWithModel(parseResult);
            string divergenceName = parseResult.GetValue(divergence)!;
            if (divergenceName is not ("exact" or "hutchinson"))
                throw new UsageException($"--divergence: unknown value '{divergenceName}'; valid: exact, hutchinson");
            bool hutchinson = divergenceName == "hutchinson";
            int probeCount = parseResult.GetValue(probes);
            if (probeCount < 1) throw new UsageException($"--probes must be ≥ 1 (got {probeCount})");
            if (!hutchinson && OptionFactory.TryGetExplicit(parseResult, probes, out _))
                throw new UsageException("--probes applies to --divergence hutchinson only");
            string probeName = parseResult.GetValue(probe)!;
            var probeLaw = probeName switch
            {
                "rademacher" => ProbeDistribution.Rademacher,
                "gaussian" => ProbeDistribution.Gaussian,
                _ => throw new UsageException($"--probe: unknown value '{probeName}'; valid: rademacher, gaussian"),
            };
            if (!hutchinson && OptionFactory.TryGetExplicit(parseResult, probe, out _))
                throw new UsageException("--probe applies to --divergence hutchinson only");
            double relative = parseResult.GetValue(rtol), absolute = parseResult.GetValue(atol);
            SettingChecks.PositiveFinite(relative, "--rtol");
            SettingChecks.PositiveFinite(absolute, "--atol");
            string terminalName = parseResult.GetValue(terminal)!;
            if (terminalName is not ("prior" or "exact"))
                throw new UsageException($"--terminal: unknown value '{terminalName}'; valid: prior, exact");
            if (terminalName == "exact" && scoreKind != "exact")
                throw new UsageException("--terminal exact needs --score exact (a model has no exact p_T)");
            long batch = parseResult.GetValue(batchSize);
            if (batch < 1) throw new UsageException($"--batch-size must be ≥ 1 (got {batch})");
            string? pointsFile = parseResult.GetValue(input);
            int pointCount = parseResult.GetValue(count);
            if (pointCount < 1) throw new UsageException($"--n must be ≥ 1 (got {pointCount})");
            if (pointsFile is not null && OptionFactory.TryGetExplicit(parseResult, count, out _))
                throw new UsageException("--n does not apply with --in (the file's points are used)");
            ulong seedValue = parseResult.GetValue(seed);
            int threadCount = CommonOptions.CheckThreads(parseResult.GetValue(threads));
            var torchDevice = _source.ReadDevice(parseResult);
            var (target, replace) = _target.Check(parseResult);

            var trainedRun = _source.OpenModel(parseResult);
            string? dataName = _source.DataName(parseResult) ?? (pointsFile is null || scoreKind == "exact" ? trainedRun?.Settings.Data ?? "gmm8" : null);
            if (dataName is not null) DatasetTable.Validate(dataName, "--data");
            return TorchThreads.With(threadCount, () =>
            {
                using var scope = NewDisposeScope();
                var distribution = dataName is null ? null : DatasetTable.Create(dataName, "--data");
                using var ownedDistribution = distribution as IDisposable;
                using var trained = ScoreSourceOptions.Load(trainedRun, torchDevice, "likelihood", _console);
                ForwardProcess process = _source.ProcessOf(parseResult, trained);
                double tMin = parseResult.GetValue(minimumTime);
                SettingChecks.TimeBeforeEnd(tMin, process.EndTime, "--t-min");
                long[] eventShape = trained?.Config.EventShape ?? distribution!.EventShape;
                long pointTotal = pointsFile is null ? pointCount : 0;
                if (pointTotal > 0)
                    SettingChecks.FitsInMemory(pointTotal, eventShape, $"the likelihood of {pointTotal} points of {string.Join(" × ", eventShape)} values", "--n");
                bool isMnist = dataName == "mnist";
                bool dequantised = false;
                Tensor x;
                if (pointsFile is not null)
                {
                    try
                    {
                        x = DataFile.LoadPoints(pointsFile).to_type(ScalarType.Float64);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
                    {
                        throw new UsageException($"--in: {ErrorText.OneLine(e)}", e);
                    }
                    long[] pointShape = x.shape[1..];
                    long size = eventShape.Aggregate(1L, (p, s) => p * s);
                    if (!pointShape.SequenceEqual(eventShape) && !(x.dim() == 2 && x.shape[1] == size))
                        throw new UsageException($"--in '{pointsFile}': points of shape [{string.Join(", ", pointShape)}] do not match the {(trained is null ? "distribution's" : "model's")} event shape [{string.Join(", ", eventShape)}]");
                }
                else
                {
                    long size = eventShape.Aggregate(1L, (p, s) => p * s);
                    if (distribution!.EventShape.Aggregate(1L, (p, s) => p * s) != size)
                        throw new UsageException($"--data {dataName}: points of shape [{string.Join(", ", distribution.EventShape)}] do not match the model's event shape [{string.Join(", ", eventShape)}]");
                    using var generator = Seeds.Generator(Seeds.Derive(seedValue, "likelihood-points"));
                    x = distribution.Sample(pointCount, generator).to_type(ScalarType.Float64);
                    if (isMnist && !parseResult.GetValue(dequantise))
                    {
                        using var noise = Seeds.Generator(Seeds.Derive(seedValue, "dequantisation"));
                        x = BitsPerDimension.Dequantise(x, -1, 1, noise);
                        dequantised = true;
                    }
                }
                x = x.reshape([x.shape[0], .. eventShape]).to(torchDevice);
                IScoreFunction scoreFunction = trained is not null ? trained : distribution!.ScoreFunction(process);
                var exactDistribution = scoreKind == "exact" ? distribution : null;
                double aT = process.A(process.EndTime), bT = process.B(process.EndTime);
                var options = new LikelihoodOptions
                {
                    MinimumTime = tMin,
                    Tolerances = new OdeTolerances(relative, absolute),
                    Divergence = hutchinson ? DivergenceMethod.Hutchinson : DivergenceMethod.Exact,
                    Probes = probeCount,
                    ProbeDistribution = probeLaw,
                    Seed = Seeds.Derive(seedValue, "hutchinson-probes"),
                    BatchSize = batch,
                    TerminalLogDensity = terminalName == "exact" ? z => exactDistribution!.LogDensity(z, aT, bT) : null,
                };
                var clock = Stopwatch.StartNew();
                var result = new ProbabilityFlowLikelihood(scoreFunction, process, options).Evaluate(x, cancellationToken);
                double seconds = clock.Elapsed.TotalSeconds;
                var logLikelihood = result.LogLikelihood.cpu();
                if (!logLikelihood.isfinite().all().item<bool>())
                    throw new InvalidOperationException("a log-likelihood is not finite (points far outside the data's support, or t_min too small for a point set?); nothing was written");
                Tensor? closedForm = exactDistribution is null || exactDistribution is EmpiricalDistribution { Count: > 20000 }
                    ? null
                    : exactDistribution.LogDensity(x, process.A(tMin), process.B(tMin)).cpu().to_type(ScalarType.Float64);
                long dimension = eventShape.Aggregate(1L, (p, s) => p * s);
                var metrics = Metrics(logLikelihood, result, closedForm, dimension, isMnist, seconds);
                var config = new LikelihoodCommandOptions(scoreKind, trainedRun?.Folder, dataName is null ? null : DatasetTable.Canonical(dataName),
                    pointsFile is null ? null : Path.GetFullPath(pointsFile), x.shape[0], seedValue, process.ToString() ?? process.GetType().Name,
                    tMin, relative, absolute, divergenceName, hutchinson ? probeCount : null, hutchinson ? probeName : null, terminalName, dequantised, batch);
                RunFolder.Write(target, replace, folder =>
                {
                    NpyFile.Write(Path.Combine(folder, "log_likelihood.npy"), logLikelihood);
                    if (result.StandardError is { } se) NpyFile.Write(Path.Combine(folder, "log_likelihood_se.npy"), se.cpu());
                    if (closedForm is not null) NpyFile.Write(Path.Combine(folder, "exact_log_density.npy"), closedForm);
                    NpyFile.Write(Path.Combine(folder, "terminal.npy"), result.Terminal.cpu());
                    MetricsFiles.Write(folder, metrics);
                    ConfigJson.Write(folder, "likelihood", config, new Dictionary<string, string>
                    {
                        ["points"] = x.shape[0].ToString(CultureInfo.InvariantCulture),
                        ["dimension"] = dimension.ToString(CultureInfo.InvariantCulture),
                    });
                    return 0;
                }, CliRunFolders.Options(_console, "likelihood"));
                _console.Output.WriteLine(Summary(metrics, target, scoreKind, modelFolder, dataName, process));
                return ExitCodes.Success;
            });
        }), CancellationToken.None));
        return command;
    }

    static JsonObject Metrics(Tensor logLikelihood, LikelihoodResult result, Tensor? closedForm, long dimension, bool isMnist, double seconds)
    {
        long n = logLikelihood.shape[0];
        double mean = logLikelihood.mean().item<double>();
        double sd = n > 1 ? logLikelihood.std().item<double>() : double.NaN;
        var metrics = new JsonObject
        {
            ["points"] = n,
            ["dimension"] = dimension,
            ["log-likelihood-mean"] = mean,
            ["log-likelihood-se"] = n > 1 ? sd / Math.Sqrt(n) : null,
            ["log-likelihood-sd"] = n > 1 ? sd : null,
            ["log-likelihood-min"] = logLikelihood.min().item<double>(),
            ["log-likelihood-max"] = logLikelihood.max().item<double>(),
            ["function-evaluations"] = result.FunctionEvaluations,
            ["accepted-steps"] = result.AcceptedSteps,
            ["rejected-steps"] = result.RejectedSteps,
            ["seconds"] = seconds,
        };
        if (result.StandardError is { } se)
        {
            metrics["hutchinson-se-mean"] = se.mean().item<double>();
            metrics["hutchinson-se-max"] = se.max().item<double>();
        }
        if (isMnist)
        {
            double bpd = BitsPerDimension.FromLogLikelihood(mean, dimension, 2.0);
            metrics["bits-per-dim"] = bpd;
            metrics["bits-per-dim-se"] = n > 1 ? sd / Math.Sqrt(n) / (dimension * Math.Log(2)) : null;
        }
        if (closedForm is not null)
        {
            var error = (logLikelihood - closedForm).abs();
            metrics["exact-log-density-mean"] = closedForm.mean().item<double>();
            metrics["abs-error-mean"] = error.mean().item<double>();
            metrics["abs-error-max"] = error.max().item<double>();
        }
        return metrics;
    }

    static string Summary(JsonObject metrics, string target, string scoreKind, string? modelFolder, string? dataName, ForwardProcess process)
    {
        string F(string key, string format) => metrics[key] is JsonValue v ? v.GetValue<double>().ToString(format, CultureInfo.InvariantCulture) : "n/a";
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"log p_t_min(x) of {metrics["points"]} point(s) ({(scoreKind == "model" ? "model " + modelFolder : "exact score of " + dataName)}; {process}): " +
            $"mean {F("log-likelihood-mean", "F4")} ± {F("log-likelihood-se", "F4")} (SE over points), NFE {metrics["function-evaluations"]}");
        if (metrics.ContainsKey("bits-per-dim")) text.Append(CultureInfo.InvariantCulture, $", {F("bits-per-dim", "F4")} ± {F("bits-per-dim-se", "F4")} bits/dim");
        if (metrics.ContainsKey("hutchinson-se-mean")) text.Append(CultureInfo.InvariantCulture, $", Hutchinson SE per point {F("hutchinson-se-mean", "E2")} (mean)");
        if (metrics.ContainsKey("abs-error-mean")) text.Append(CultureInfo.InvariantCulture, $"; vs closed form: mean |error| {F("abs-error-mean", "E2")}, max {F("abs-error-max", "E2")}");
        text.Append(CultureInfo.InvariantCulture, $": {target}");
        return text.ToString();
    }
}
