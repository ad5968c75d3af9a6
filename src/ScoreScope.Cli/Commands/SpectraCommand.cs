using ScoreScope.Runs;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ScoreScope.Cli.Errors;
using ScoreScope.Experiments.Plotting;
using ScoreScope.Cli.Plotting;
using ScoreScope.Cli.Runs;
using ScoreScope.Cli.Settings;
using ScoreScope.Cli.Tables;
using ScoreScope.Processes;
using ScoreScope.Cli.Terminal;
using ScoreScope.Data;
using ScoreScope.IO;
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
/// With <c>--data</c> instead of <c>--model</c> the spectra are those of the exact score of a built-in or file
/// distribution under the chosen process, at points drawn from the distribution.
/// </summary>
public sealed class SpectraCommand
{
    readonly CliConsole _console;

    /// <summary>Creates the command writing through <paramref name="console"/>.</summary>
    public SpectraCommand(CliConsole console) => _console = console;

    Option<string> Model { get; } = OptionFactory.Text("--model", "A run folder holding model.ckpt, or a model/checkpoint file (one of --model, --data).");

    Option<string> Data { get; } = OptionFactory.Text("--data",
        $"Spectra of the exact score of this distribution instead of a model: {string.Join(", ", DatasetTable.Names)}, or a .npy/.csv file of points (one of --model, --data, --subspace-basis).");

    Option<string> SubspaceBasis { get; } = OptionFactory.Text("--subspace-basis",
        "Spectra of the exact score of the linear Gaussian manifold x₀ = F z, z ~ N(0, I), for a factor F [D, m] (m < D, full rank; .npy or .csv with D rows) — any F, orthonormalised by SVD (one of --model, --data, --subspace-basis).");

    readonly ProcessOptions _process = new(ProcessSettings.Names[1]);

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

    readonly RunFolderTarget _target = new("spectra");

    Option<bool> Verbose { get; } = CommonOptions.Verbose();

    /// <summary>Builds the System.CommandLine command.</summary>
    public Command Build()
    {
        var command = new Command("spectra",
            "Normalised score-Jacobian spectra (singular values of b²J) of a trained model over times, averaged over " +
            "points: spectra.npy/csv, dimension estimate m̂ vs t, gap widths and plots.")
        {
            Model, Data, SubspaceBasis, Points, Times, Method, Tolerance, Seed, Threads, _target.Out, _target.Force, Verbose,
        };
        foreach (var option in _process.All) command.Options.Add(option);
        command.SetAction((parseResult, cancellationToken) => Task.Run(() => CommandRunner.Run(
            "spectra", _console, parseResult.GetValue(Verbose), () => Execute(parseResult, cancellationToken)), CancellationToken.None));
        return command;
    }

    int Execute(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var settings = Resolve(parseResult);
        var (target, force) = _target.Check(parseResult);
        ScoreModel? model = null;
        ExactDistribution? exactData = null;
        if (settings.Model is { } modelFile)
        {
            try
            {
                model = ScoreModelFile.Load(modelFile, onUnverified: w => _console.Error.WriteLine($"scorescope spectra: warning: {w}"));
            }
            catch (Exception e) when (e is FileNotFoundException or InvalidDataException or ModelFileException)
            {
                throw new UsageException($"--model: {ErrorText.OneLine(e)}", e);
            }
        }
        else if (settings.SubspaceBasis is { } factorFile)
        {
            try
            {
                using var factor = DataFile.LoadPoints(factorFile);
                exactData = SubspaceGaussianDistribution.FromFactor(factor);
            }
            catch (Exception e) when (e is IOException or ArgumentException)
            {
                throw new UsageException($"--subspace-basis '{factorFile}': {ErrorText.OneLine(e)}", e);
            }
        }
        else
        {
            exactData = DatasetTable.Create(settings.Data!, "--data");
        }
        using var _ = model;
        using var ownedData = exactData as IDisposable;
        long[] eventShape = model?.Config.EventShape ?? exactData!.EventShape;
        if (eventShape.Length != 1)
            throw new UsageException($"{(model is null ? "--data" : "--model")}: spectra need vector data; the event shape is {Shapes.Format(eventShape)}");
        int d = (int)eventShape[0];
        if (settings.Method != "svd")
            SettingChecks.FitsInMemory(ScoreScope.Runs.MemoryEstimate.JacobianBytes(settings.Points, d),
                string.Create(CultureInfo.InvariantCulture, $"the score Jacobians of {settings.Points} points in dimension {d} ({ScoreScope.Runs.MemoryEstimate.JacobianCopies} × {settings.Points} × {d}² float64 per time)"),
                $"--points {settings.Points}", "lower --points");
        var process = model?.Process ?? settings.Process!.Build();
        IScoreFunction score = model is not null ? model : exactData!.ScoreFunction(process);
        string description = model?.ToString() ?? $"exact score of {exactData} under {process}";
        var times = settings.Times.Select(v =>
        {
            double top = process.NoiseToSignal(process.EndTime);
            if (v > top * top)
                throw new UsageException($"--times: σ² = {v} exceeds the largest σ² = b²/a² = {top * top:G6} of {process}");
            return process.TimeAtNoiseToSignal(Math.Sqrt(v));
        }).ToArray();
        var manifold = settings.Model is { } file ? ReadManifold(file) : null;
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
                    : exactData is not null
                        ? exactData.Sample(settings.Points, generator).to_type(ScalarType.Float64).reshape(settings.Points, d)
                        : randn([settings.Points, d], dtype: ScalarType.Float64, generator: generator).Multiply(model!.Config.SigmaData!.Value);
                var series = settings.Method switch
                {
                    "svd" => SpectrumSweep.ScoreMatrix(score, process, points, times, generator, settings.Tolerance),
                    "autograd-symmetric" => SpectrumSweep.Autograd(score, process, points, times, settings.Tolerance, symmetricPart: true),
                    "autograd-mean" => SpectrumSweep.Autograd(score, process, points, times, settings.Tolerance, averageJacobians: true),
                    "autograd-symmetric-mean" => SpectrumSweep.Autograd(score, process, points, times, settings.Tolerance, symmetricPart: true, averageJacobians: true),
                    "autograd-noisy" => SpectrumSweep.Autograd(score, process, points, times, settings.Tolerance, noise: generator),
                    _ => SpectrumSweep.Autograd(score, process, points, times, settings.Tolerance),
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
                ConfigJson.Write(folder, "spectra", settings, new Dictionary<string, string>
                {
                    ["score"] = description,
                    ["process-times"] = string.Join(",", times.Select(t => t.ToString("R", CultureInfo.InvariantCulture))),
                    ["points"] = data is not null ? $"samples of {manifold}" : exactData is not null ? $"samples of {exactData}" : $"N(0, σ_data² I), σ_data = {model!.Config.SigmaData}",
                    ["manifold-dimension-used-for-gaps"] = m.ToString(CultureInfo.InvariantCulture),
                });
                _console.Output.WriteLine($"Spectra of {description} at {times.Length} times × {series.Points} points ({settings.Method}): {target}");
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
        string? model = parseResult.GetValue(Model), dataName = parseResult.GetValue(Data), basis = parseResult.GetValue(SubspaceBasis);
        if (new[] { model, dataName, basis }.Count(v => v is not null) != 1)
            throw new UsageException("give exactly one of --model (a trained model), --data (the exact score of a distribution) and --subspace-basis (the exact score of x₀ = F z)");
        bool processGiven = _process.AnyGiven(parseResult);
        string? file = null;
        ProcessSettings? processSettings = null;
        if (model is not null)
        {
            if (processGiven)
                throw new UsageException("--process and its parameters do not apply with --model (the model's own process is used)");
            file = Directory.Exists(model) ? Path.Combine(model, Trainer.ModelFileName) : model;
            if (!File.Exists(file))
                throw new UsageException($"--model '{model}': no model file found (expected a model.ckpt file or a folder holding one)");
            file = Path.GetFullPath(file);
        }
        else if (basis is not null)
        {
            if (!File.Exists(basis))
                throw new UsageException($"--subspace-basis '{basis}': file not found (expected a .npy or .csv factor F with D rows and m < D columns)");
            basis = Path.GetFullPath(basis);
            processSettings = _process.Read(parseResult).WithDefaults();
        }
        else
        {
            DatasetTable.Validate(dataName!, "--data");
            processSettings = _process.Read(parseResult).WithDefaults();
        }
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
            Model = file,
            Data = dataName is null ? null : DatasetTable.Canonical(dataName),
            SubspaceBasis = basis,
            Process = processSettings,
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
