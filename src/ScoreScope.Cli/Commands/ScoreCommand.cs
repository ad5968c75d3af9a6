using System.CommandLine;
using System.Globalization;
using System.Text;
using ScoreScope.Cli.Errors;
using ScoreScope.Cli.Runs;
using ScoreScope.Cli.Settings;
using ScoreScope.Cli.Tables;
using ScoreScope.Cli.Terminal;
using ScoreScope.Data;
using ScoreScope.IO;
using ScoreScope.Processes;
using ScoreScope.Runs;
using ScoreScope.Scores;
using static TorchSharp.torch;

namespace ScoreScope.Cli.Commands;

/// <summary>
/// <c>scorescope score</c>: the score ∇ₓ log p_t(x) and the denoiser x̂₀(x, t) = E[x₀ | x_t = x] at given points and
/// times — exactly for a built-in or file distribution (its closed form / empirical mixture under the chosen process;
/// x̂₀ by Tweedie, (x + b²s)/a), or of a trained model (its own process; x̂₀ from its parametrisation). Writes
/// score.npy and denoised.npy of shape [T, N, …] (float64), times.csv and config.json into a run folder.
/// </summary>
public sealed class ScoreCommand
{
    readonly CliConsole _console;
    readonly RunFolderTarget _target = new("score");
    readonly ScoreSourceOptions _source = new(
        "Score of this trained model (a 'scorescope train' run folder); its own process is used.",
        $"Exact score of this distribution: {string.Join(", ", DatasetTable.Names)}, or a .npy/.csv file of points (its empirical distribution).");

    /// <summary>Creates the command writing through <paramref name="console"/>.</summary>
    public ScoreCommand(CliConsole console) => _console = console;

    /// <summary>Builds the System.CommandLine command.</summary>
    public Command Build()
    {
        var points = OptionFactory.Text("--points", "The points x: an N × d (or N × event shape) .npy of float32/float64, or a numeric .csv with one point per line.");
        var times = OptionFactory.Text("--times", "Times t in (0, T], comma-separated.");
        var verbose = CommonOptions.Verbose();
        var command = new Command("score",
            "Evaluate the score ∇ log p_t(x) and the denoiser x̂₀ = E[x₀ | x_t = x] — exact for a built-in or file distribution, or of a " +
            "trained model — at points from a file and at given times; writes score.npy, denoised.npy [T, N, …], times.csv, config.json.");
        foreach (var option in new Option[] { points, times, _source.Data, _source.Model }) command.Options.Add(option);
        foreach (var option in _source.Process.All) command.Options.Add(option);
        foreach (var option in new Option[] { _source.Device, _target.Out, _target.Force, verbose }) command.Options.Add(option);
        command.SetAction(parseResult => CommandRunner.Run("score", _console, parseResult.GetValue(verbose), () =>
        {
            string? dataName = _source.DataName(parseResult), modelFolder = _source.ModelFolder(parseResult);
            if ((dataName is null) == (modelFolder is null))
                throw new UsageException("give exactly one of --data (an exact score) and --model (a trained model)");
            string pointsFile = parseResult.GetValue(points) ?? throw new UsageException("--points is required: a .npy or .csv file of points");
            string timesText = parseResult.GetValue(times) ?? throw new UsageException("--times is required: times in (0, T], comma-separated");
            _source.CheckProcessNotWithModel(parseResult);
            var torchDevice = _source.ReadDevice(parseResult);
            var (target, replace) = _target.Check(parseResult);

            using var scope = NewDisposeScope();
            Tensor x;
            try
            {
                x = DataFile.LoadPoints(pointsFile).to_type(ScalarType.Float64);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                throw new UsageException($"--points: {ErrorText.OneLine(e)}", e);
            }
            var distribution = ScoreSourceOptions.Distribution(dataName);
            using var ownedDistribution = distribution as IDisposable;
            using var trained = ScoreSourceOptions.Load(_source.OpenModel(parseResult), torchDevice, "score", _console);
            ForwardProcess process = _source.ProcessOf(parseResult, trained);
            long[] eventShape = distribution?.EventShape ?? trained!.Config.EventShape;
            long[] pointShape = x.shape[1..];
            if (!pointShape.SequenceEqual(eventShape) && !(x.dim() == 2 && x.shape[1] == eventShape.Aggregate(1L, (p, s) => p * s)))
                throw new UsageException($"--points '{pointsFile}': points of shape [{string.Join(", ", pointShape)}] do not match the {(dataName is null ? "model's" : "distribution's")} event shape [{string.Join(", ", eventShape)}]");
            x = x.reshape([x.shape[0], .. eventShape]);
            double[] grid = ParseTimes(timesText, process.EndTime);

            var scores = new List<Tensor>();
            var denoised = new List<Tensor>();
            foreach (double t in grid)
            {
                double a = process.A(t), b = process.B(t);
                if (trained is not null)
                {
                    using var noGrad = no_grad();
                    var input = x.to(torchDevice).to_type(trained.Network.parameters().First().dtype);
                    scores.Add(trained.Score(input, t).cpu().to_type(ScalarType.Float64));
                    denoised.Add(trained.Denoise(input, t).cpu().to_type(ScalarType.Float64));
                }
                else
                {
                    var s = distribution!.ScoreFunction(process).Score(x, t);
                    scores.Add(s);
                    denoised.Add(ScoreConversions.DenoiserFromScore(x, s, a, b));
                }
            }
            var scoreStack = stack(scores);
            var denoisedStack = stack(denoised);
            if (!scoreStack.isfinite().all().item<bool>() || !denoisedStack.isfinite().all().item<bool>())
                throw new InvalidOperationException("the score or the denoiser is not finite at some point and time (a time too close to 0 for a point set?); nothing was written");
            RunFolder.Write(target, replace, folder =>
            {
                NpyFile.Write(Path.Combine(folder, "score.npy"), scoreStack);
                NpyFile.Write(Path.Combine(folder, "denoised.npy"), denoisedStack);
                var csv = new StringBuilder("index,t,a,b\n");
                for (int i = 0; i < grid.Length; i++)
                    csv.Append(CultureInfo.InvariantCulture, $"{i},{grid[i]:R},{process.A(grid[i]):R},{process.B(grid[i]):R}\n");
                File.WriteAllText(Path.Combine(folder, "times.csv"), csv.ToString());
                ConfigJson.Write(folder, "score", new ScoreCommandOptions(Path.GetFullPath(pointsFile), grid,
                    dataName is null ? null : DatasetTable.Canonical(dataName), modelFolder is null ? null : Path.GetFullPath(modelFolder), process.ToString() ?? process.GetType().Name),
                    new Dictionary<string, string> { ["points"] = x.shape[0].ToString(CultureInfo.InvariantCulture), ["times"] = grid.Length.ToString(CultureInfo.InvariantCulture) });
                return 0;
            }, CliRunFolders.Options(_console, "score"));
            _console.Output.WriteLine($"score and denoiser of {x.shape[0]} point(s) at {grid.Length} time(s) ({(dataName is null ? "model " + modelFolder : "exact, " + dataName)}; {process}): {target}/score.npy, denoised.npy [{grid.Length}, {x.shape[0]}, {string.Join(", ", eventShape)}]");
            return ExitCodes.Success;
        }));
        return command;
    }

    static double[] ParseTimes(string text, double end)
    {
        var values = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s =>
            double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v > 0 && v <= end
                ? v
                : throw new UsageException($"--times: '{s}' is not a time in (0, {end.ToString("G6", CultureInfo.InvariantCulture)}]")).ToArray();
        if (values.Length == 0) throw new UsageException("--times: give at least one time");
        return values;
    }
}
