using ScoreScope.Analysis;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ScoreScope.Cli.Errors;
using ScoreScope.Cli.Plotting;
using ScoreScope.Cli.Settings;
using ScoreScope.Cli.Tables;
using ScoreScope.Cli.Terminal;
using ScoreScope.Numerics;
using ScoreScope.Training;

namespace ScoreScope.Cli.Runs;

/// <summary>
/// One <c>evaluate</c> run of a trained model against its data: the relative score error
/// rel_error(t) = E‖s_θ − s*‖²/E‖s*‖² under p_t at equally spaced times (score_error.csv with columns exactly
/// <c>t,rel_error</c>, score_error.png), then a sample stage with the model's EMA weights (subfolder <c>sample/</c>, a
/// complete <c>sample</c> run) whose metrics against fresh data (energy distance, moments, mode occupancy for mixtures)
/// are collected with the score-error summary in metrics.json and metrics.csv.
/// </summary>
/// <remarks>
/// Every dataset of the CLI has an exact score: the built-ins in closed form, a data file as the empirical
/// distribution of its points (whose diffused score is exactly what denoising score matching on that fixed set
/// targets). Seeds: the score-error samples use Seeds.Derive(seed, "score-error"), the sample stage the seed itself.
/// </remarks>
public sealed class EvaluateJob : IDisposable
{
    /// <summary>The start of the acceptance window [0.1, T] of issue 3.</summary>
    public const double WindowStart = 0.1;

    /// <summary>The acceptance level of rel_error on the window.</summary>
    public const double AcceptanceLevel = 0.05;

    /// <summary>The smallest number of score-error times.</summary>
    public const int MinimumTimes = 20;

    /// <summary>The files of an evaluation folder (besides the sample/ subfolder).</summary>
    public static readonly IReadOnlyList<string> Files = ["score_error.csv", "score_error.png", "metrics.json", "metrics.csv", "config.json"];

    readonly EvaluateSettings _settings;
    readonly TrainedRun _run;
    readonly SampleJob _sample;
    readonly Dictionary<string, string> _resolved;

    EvaluateJob(EvaluateSettings settings, TrainedRun run, SampleJob sample, Dictionary<string, string> resolved)
    {
        (_settings, _run, _sample, _resolved) = (settings, run, sample, resolved);
    }

    /// <summary>Opens the model and prepares the sample stage (validated settings, seed set).</summary>
    /// <exception cref="UsageException">For a missing or corrupt model, or invalid sampler options.</exception>
    public static EvaluateJob Prepare(EvaluateSettings settings, SettingOrigins origins, IEnumerable<string> commandLine,
        Action<string>? onWarning = null)
    {
        var run = TrainedRun.Open(settings.Model, origins.Describe("model"));
        var t = run.Settings;
        var sampleSettings = new SampleSettings().WithProcessParameters(SettingsResolution.ProcessParametersOf(t)) with
        {
            Data = t.Data,
            Process = t.Process,
            Score = "model",
            Model = run.Folder,
            Sampler = settings.Sampler,
            Steps = settings.Steps,
            Grid = settings.Grid,
            TMin = settings.TMin,
            N = settings.N,
            Batch = settings.Batch,
            Seed = settings.Seed,
            Threads = settings.Threads,
            Device = settings.Device,
        };
        SampleSettingsValidator.Validate(sampleSettings, origins);
        var commandLineList = commandLine.ToList();
        var sample = SampleJob.Prepare(sampleSettings, origins, commandLineList, onWarning);
        var resolved = new Dictionary<string, string>
        {
            ["command-line"] = "scorescope " + string.Join(' ', commandLineList),
            ["model-data"] = t.Data,
            ["model-process"] = sample.Process.ToString() ?? t.Process,
            ["model-file"] = run.ModelPath,
            ["score-reference"] = DatasetTable.IsBuiltIn(t.Data)
                ? $"the closed-form score of {t.Data} pushed through the model's process"
                : $"the exact score of the empirical distribution of the points of {t.Data} (a data file has no population score; " +
                  "this is what denoising score matching on that fixed set targets)",
        };
        return new EvaluateJob(settings, run, sample, resolved);
    }

    /// <summary>Writes every file of <see cref="Files"/> and the sample/ subfolder into <paramref name="folder"/>.</summary>
    public EvaluateRunResult Run(string folder, ProgressBoard board, TextWriter? log, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        ulong seed = _settings.Seed ?? throw new InvalidOperationException("the seed must be resolved before evaluating.");
        var process = _sample.Process;
        var times = ScoreErrorEvaluation.UniformTimes(_settings.ErrorTMin, process.EndTime, _settings.ErrorTimes);
        var stage = board.AddStage($"score error at {times.Length} times", 1);
        var points = TorchThreads.With(_settings.Threads, () => ScoreErrorEvaluation.RelativeErrorCurve(
            _sample.Score, _sample.Data, process, times, _settings.ErrorSamples, Seeds.Derive(seed, "score-error")));
        stage.Complete();
        log?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  score error: {clock.Elapsed.TotalSeconds:F2} s"));
        cancellationToken.ThrowIfCancellationRequested();

        var csv = new StringBuilder("t,rel_error\n");
        foreach (var p in points)
        {
            csv.Append(string.Create(CultureInfo.InvariantCulture, $"{p.Time:R},{p.RelativeError:R}\n"));
        }
        File.WriteAllText(Path.Combine(folder, "score_error.csv"), csv.ToString());
        string data = TrainJob.Describe(_run.Settings.Data);
        ScoreErrorPlot.Write(Path.Combine(folder, "score_error.png"), points.Select(p => p.Time).ToArray(),
            points.Select(p => p.RelativeError).ToArray(), points.Select(p => p.StandardError).ToArray(), AcceptanceLevel,
            $"{data}: {_run.Settings.Process}, {_run.Settings.Net} {_run.Settings.Param}, {_run.Settings.Steps} steps (EMA)");

        var window = points.Where(p => p.Time >= WindowStart - 1e-12).ToArray();
        var worst = window.MaxBy(p => p.RelativeError);
        var overall = points.MaxBy(p => p.RelativeError);

        string sampleFolder = Directory.CreateDirectory(Path.Combine(folder, "sample")).FullName;
        var sampled = _sample.Run(sampleFolder, board, log, cancellationToken);

        var json = new JsonObject
        {
            ["score-error"] = new JsonObject
            {
                ["definition"] = "rel_error(t) = E‖s_θ(x_t, t) − ∇log p_t(x_t)‖² / E‖∇log p_t(x_t)‖², x_t ~ p_t, EMA weights",
                ["reference"] = _resolved["score-reference"],
                ["times"] = points.Count,
                ["samples-per-time"] = _settings.ErrorSamples,
                ["window"] = new JsonArray(WindowStart, process.EndTime),
                ["max-rel-error-in-window"] = worst.RelativeError,
                ["max-rel-error-in-window-standard-error"] = worst.StandardError,
                ["max-rel-error-in-window-at-t"] = worst.Time,
                ["acceptance-level"] = AcceptanceLevel,
                ["within-acceptance-level"] = worst.RelativeError <= AcceptanceLevel,
                ["max-rel-error"] = overall.RelativeError,
                ["max-rel-error-at-t"] = overall.Time,
                ["curve"] = new JsonArray(points.Select(p => (JsonNode?)new JsonObject
                {
                    ["t"] = p.Time,
                    ["rel-error"] = p.RelativeError,
                    ["standard-error"] = p.StandardError,
                }).ToArray()),
            },
            ["samples"] = JsonNode.Parse(File.ReadAllText(Path.Combine(sampleFolder, "metrics.json"))),
        };
        File.WriteAllText(Path.Combine(folder, "metrics.json"), json.ToJsonString(ConfigJson.SerializerOptions) + "\n");

        string F(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
        var rows = new List<MetricRow>
        {
            new("score error max", F(worst.RelativeError),
                $"max rel_error on t ∈ [{F(WindowStart)}, {F(process.EndTime)}] at t = {F(worst.Time)} (± {F(worst.StandardError)}); level {F(AcceptanceLevel)}"),
            new("score error max (all t)", F(overall.RelativeError), $"at t = {F(overall.Time)}; {points.Count} times from t = {F(times[0])}"),
        };
        rows.AddRange(sampled.Metrics);
        var table = new StringBuilder("metric,value,detail\n");
        foreach (var row in rows)
        {
            table.Append($"{Csv(row.Metric)},{Csv(row.Value)},{Csv(row.Detail)}\n");
        }
        File.WriteAllText(Path.Combine(folder, "metrics.csv"), table.ToString());

        _resolved["elapsed-seconds"] = clock.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture);
        _resolved["created-utc"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        ConfigJson.Write(folder, "evaluate", _settings, _resolved);
        return new EvaluateRunResult(worst.RelativeError, worst.Time, _resolved["score-reference"], points.Count, sampled, rows, clock.Elapsed);
    }

    /// <inheritdoc/>
    public void Dispose() => _sample.Dispose();

    static string Csv(string field) => field.Contains(',') || field.Contains('"') ? $"\"{field.Replace("\"", "\"\"")}\"" : field;
}
