using ScoreScope.Runs;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ScoreScope.Cli.Errors;
using ScoreScope.Experiments.Plotting;
using ScoreScope.Cli.Plotting;
using ScoreScope.Cli.Runs;
using ScoreScope.Cli.Settings;
using ScoreScope.Cli.Terminal;
using ScoreScope.Data;
using ScoreScope.Numerics;
using ScoreScope.Scores;
using ScoreScope.Spectra;
using ScoreScope.Training;
using static TorchSharp.torch;

namespace ScoreScope.Cli.Commands;

/// <summary>
/// <c>scorescope spectra</c>: normalised score-Jacobian spectra of any trained model over a list of times (Ventura et
/// al. 2024, arXiv 2410.05898; docs/science/spectral-gaps.md §1.4, §3), averaged over points: spectra.npy/csv, m̂ vs t and plots.
/// When the model's folder holds <c>manifold.json</c> (written by <c>reproduce spectra</c>), the points are drawn from
/// that linear manifold and its exact spectrum is overlaid; otherwise points are drawn from N(0, σ_data² I).
/// </summary>
public sealed class SpectraCommand
{
    readonly CliConsole _console;

    /// <summary>Creates the command writing through <paramref name="console"/>.</summary>
    public SpectraCommand(CliConsole console) => _console = console;

    Option<string> Model { get; } = OptionFactory.Text("--model", "A run folder holding model.ckpt, or a model/checkpoint file (required).");

    Option<int> Points { get; } = OptionFactory.Integer("--points", "Points at which the spectra are averaged (≥ 1).", 64);

    Option<string> Times { get; } = OptionFactory.Text("--times",
        "Values of σ² = b²/a², the squared noise-to-signal ratio (the paper's time): a comma-separated list, or log:MIN:MAX:COUNT.", "log:0.001:10:36");

    Option<string> Method { get; } = OptionFactory.Text("--method",
        "autograd (singular values of the Jacobian through the network), autograd-symmetric (eigenvalues of its symmetric " +
        "part), autograd-mean / autograd-symmetric-mean (of the Jacobian averaged over the points: for linear manifolds, " +
        "whose exact Jacobian is the same everywhere), autograd-noisy (at forward samples a·y + b·z of the points), or svd " +
        "(symmetrised orthogonal-perturbation score matrix).", "autograd");

    Option<double> Tolerance { get; } = OptionFactory.Number("--tolerance", "Spike tolerance δ of m̂ = D − #{|ν| ≥ 1 − δ}, in (0, 1).", 0.5);

    Option<ulong> Seed { get; } = OptionFactory.Seed("--seed", "Seed of the points and perturbations (default 0).");

    Option<int> Threads { get; } = CommonOptions.Threads();

    Option<string> Out { get; } = CommonOptions.Out("runs/spectra-<yyyyMMdd-HHmmss>");

    Option<bool> Force { get; } = CommonOptions.Force();

    Option<bool> Verbose { get; } = CommonOptions.Verbose();

    /// <summary>Builds the System.CommandLine command.</summary>
    public Command Build()
    {
        var command = new Command("spectra",
            "Normalised score-Jacobian spectra (singular values of b²J) of a trained model over times, averaged over " +
            "points: spectra.npy/csv, dimension estimate m̂ vs t, gap widths and plots.")
        {
            Model, Points, Times, Method, Tolerance, Seed, Threads, Out, Force, Verbose,
        };
        command.SetAction((parseResult, cancellationToken) => Task.Run(() => CommandRunner.Run(
            "spectra", _console, parseResult.GetValue(Verbose), () => Execute(parseResult, cancellationToken)), CancellationToken.None));
        return command;
    }

    int Execute(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var settings = Resolve(parseResult);
        string target = parseResult.GetValue(Out) ?? CommonOptions.TimestampedFolder("spectra");
        bool force = parseResult.GetValue(Force);
        RunFolder.CheckTarget(target, force);
        ScoreModel model;
        try
        {
            model = ScoreModelFile.Load(settings.Model, onUnverified: w => _console.Error.WriteLine($"scorescope spectra: warning: {w}"));
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or ModelFileException)
        {
            throw new UsageException($"--model: {ErrorText.OneLine(e)}", e);
        }
        using var _ = model;
        if (model.Config.EventShape.Length != 1)
            throw new UsageException($"--model: spectra need vector data; the model's event shape is {Shapes.Format(model.Config.EventShape)}");
        int d = (int)model.Config.EventShape[0];
        var process = model.Process;
        var times = settings.Times.Select(v =>
        {
            double top = process.NoiseToSignal(process.EndTime);
            if (v > top * top)
                throw new UsageException($"--times: σ² = {v} exceeds the largest σ² = b²/a² = {top * top:G6} of {process}");
            return process.TimeAtNoiseToSignal(Math.Sqrt(v));
        }).ToArray();
        var manifold = ReadManifold(settings.Model);
        if (manifold is not null && manifold.AmbientDimension != d)
            throw new UsageException($"{LinearManifoldSpec.FileName}: D = {manifold.AmbientDimension} differs from the model's {d}");

        TorchThreads.With(settings.Threads, () =>
        {
            return RunFolder.Write(target, force, folder =>
            {
                using var scope = NewDisposeScope();
                using var generator = Seeds.Generator(Seeds.Derive(settings.Seed, "points"));
                using var data = manifold?.Build();
                var points = data is not null
                    ? data.Sample(settings.Points, generator)
                    : randn([settings.Points, d], dtype: ScalarType.Float64, generator: generator).Multiply(model.Config.SigmaData!.Value);
                var series = settings.Method switch
                {
                    "svd" => SpectrumSweep.ScoreMatrix(model, process, points, times, generator, settings.Tolerance),
                    "autograd-symmetric" => SpectrumSweep.Autograd(model, process, points, times, settings.Tolerance, symmetricPart: true),
                    "autograd-mean" => SpectrumSweep.Autograd(model, process, points, times, settings.Tolerance, averageJacobians: true),
                    "autograd-symmetric-mean" => SpectrumSweep.Autograd(model, process, points, times, settings.Tolerance, symmetricPart: true, averageJacobians: true),
                    "autograd-noisy" => SpectrumSweep.Autograd(model, process, points, times, settings.Tolerance, noise: generator),
                    _ => SpectrumSweep.Autograd(model, process, points, times, settings.Tolerance),
                };
                cancellationToken.ThrowIfCancellationRequested();
                // The manifold dimension placing the gaps: the manifold's, else m̂ at the smallest time, in [1, D − 1]
                // (for D = 2 only 1; for D = 1 there is no gap and the gap columns stay empty).
                int m = data?.IntrinsicDimension ?? Math.Clamp((int)Math.Round(series.Dimension[0]), 1, Math.Max(1, d - 1));
                SpectrumSeriesFiles.Write(folder, "spectra", series, m);
                var dimensionCurves = new List<SpectrumPlots.Curve> { new("model", series.SquaredNoiseToSignal.ToArray(), series.Dimension.ToArray(), false) };
                var gapCurves = new List<SpectrumPlots.Curve>
                {
                    new("manifold gap, model", series.SquaredNoiseToSignal.ToArray(), SpectrumSeriesFiles.ManifoldGaps(series, m).Select(g => g.Width).ToArray(), false),
                    new("widest tangent gap, model", series.SquaredNoiseToSignal.ToArray(), SpectrumSeriesFiles.TangentGaps(series, m).Select(g => g.Width).ToArray(), false),
                };
                if (data is not null)
                {
                    var exact = SpectrumSweep.Exact(data, process, times, settings.Tolerance);
                    SpectrumSeriesFiles.Write(folder, "spectra-exact", exact, m);
                    dimensionCurves.Add(new("exact", exact.SquaredNoiseToSignal.ToArray(), exact.Dimension.ToArray(), false));
                    gapCurves.Add(new("manifold gap, exact", exact.SquaredNoiseToSignal.ToArray(), SpectrumSeriesFiles.ManifoldGaps(exact, m).Select(g => g.Width).ToArray(), false));
                    gapCurves.Add(new("widest tangent gap, exact", exact.SquaredNoiseToSignal.ToArray(), SpectrumSeriesFiles.TangentGaps(exact, m).Select(g => g.Width).ToArray(), false));
                    SpectrumPlots.Heatmap(Path.Combine(folder, "heatmap-exact.png"), exact.SquaredNoiseToSignal.ToArray(), exact.Mean, "exact spectrum (eigenvalues of b²J)");
                }
                SpectrumPlots.Heatmap(Path.Combine(folder, "heatmap.png"), series.SquaredNoiseToSignal.ToArray(), series.Mean,
                    $"model: −(singular values of b²J), {settings.Method}, mean of {series.Points} points");
                SpectrumPlots.Curves(Path.Combine(folder, "dimension-vs-t.png"), dimensionCurves, "m̂ vs t", "m̂", data?.IntrinsicDimension);
                gapCurves.RemoveAll(c => c.Values.All(double.IsNaN));
                if (gapCurves.Count > 0)
                {
                    SpectrumPlots.Curves(Path.Combine(folder, "gap-widths.png"), gapCurves, "gap widths vs t", "gap width");
                }
                var config = new RunConfig<SpectraSettings>
                {
                    Command = "spectra",
                    ScoreScopeVersion = ScoreScopeInfo.Version,
                    Options = settings,
                    Resolved = new Dictionary<string, string>
                    {
                        ["model"] = model.ToString(),
                        ["process-times"] = string.Join(",", times.Select(t => t.ToString("R", CultureInfo.InvariantCulture))),
                        ["points"] = data is not null ? $"samples of {manifold}" : $"N(0, σ_data² I), σ_data = {model.Config.SigmaData}",
                        ["manifold-dimension-used-for-gaps"] = m.ToString(CultureInfo.InvariantCulture),
                    },
                };
                File.WriteAllText(Path.Combine(folder, "config.json"), ConfigJson.Serialize(config));
                _console.Output.WriteLine($"Spectra of {model} at {times.Length} times × {series.Points} points ({settings.Method}): {target}");
                for (int i = 0; i < times.Length; i++)
                {
                    _console.Output.WriteLine(FormattableString.Invariant(
                        $"  t = {series.SquaredNoiseToSignal[i],-10:G4} m̂ = {series.Dimension[i]:F2} ± {series.DimensionSpread[i]:F2}"));
                }
                return 0;
            }, CliRunFolders.Options(_console, "spectra"));
        });
        return ExitCodes.Success;
    }

    SpectraSettings Resolve(ParseResult parseResult)
    {
        string model = parseResult.GetValue(Model) ?? throw new UsageException("--model is required (a run folder holding model.ckpt, or a model file)");
        string file = Directory.Exists(model) ? Path.Combine(model, Trainer.ModelFileName) : model;
        if (!File.Exists(file))
            throw new UsageException($"--model '{model}': no model file found (expected a model.ckpt file or a folder holding one)");
        int points = parseResult.GetValue(Points);
        if (points < 1) throw new UsageException($"--points must be ≥ 1 (got {points})");
        string method = parseResult.GetValue(Method) ?? "autograd";
        if (method is not ("autograd" or "autograd-symmetric" or "autograd-mean" or "autograd-symmetric-mean" or "autograd-noisy" or "svd"))
            throw new UsageException($"--method must be autograd, autograd-symmetric, autograd-mean, autograd-symmetric-mean, autograd-noisy or svd (got '{method}')");
        double tolerance = parseResult.GetValue(Tolerance);
        if (!(tolerance > 0 && tolerance < 1)) throw new UsageException($"--tolerance must lie in (0, 1) (got {tolerance})");
        int threads = CommonOptions.CheckThreads(parseResult.GetValue(Threads));
        return new SpectraSettings
        {
            Model = Path.GetFullPath(file),
            Points = points,
            Times = ParseTimes(parseResult.GetValue(Times) ?? "log:0.001:10:36"),
            Method = method,
            Tolerance = tolerance,
            Seed = parseResult.GetValue(Seed),
            Threads = threads,
        };
    }

    static double[] ParseTimes(string text)
    {
        static double Number(string s) =>
            double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) && v > 0
                ? v
                : throw new UsageException($"--times: '{s}' is not a positive finite number");
        double[] times;
        if (text.StartsWith("log:", StringComparison.Ordinal))
        {
            var parts = text.Split(':');
            if (parts.Length != 4 || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count < 1)
                throw new UsageException($"--times: '{text}' must be log:MIN:MAX:COUNT with COUNT ≥ 1");
            double lo = Number(parts[1]), hi = Number(parts[2]);
            times = GeometricSpacing.Between(lo, hi, count);
        }
        else
        {
            times = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Number).ToArray();
        }
        if (times.Length == 0) throw new UsageException("--times: at least one time is required");
        for (int i = 1; i < times.Length; i++)
        {
            if (!(times[i] > times[i - 1])) throw new UsageException($"--times must be strictly increasing ({times[i - 1]} then {times[i]})");
        }
        return times;
    }

    static LinearManifoldSpec? ReadManifold(string modelFile)
    {
        string path = Path.Combine(Path.GetDirectoryName(modelFile) ?? ".", LinearManifoldSpec.FileName);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<LinearManifoldSpec>(File.ReadAllText(path), ConfigJson.SerializerOptions)
                ?? throw new UsageException($"{path}: empty manifold description");
        }
        catch (JsonException e)
        {
            throw new UsageException($"{path}: not a manifold description ({e.Message})");
        }
    }
}
