using ScoreScope.Runs;
using System.CommandLine;
using System.Globalization;
using ScoreScope.Cli.Runs;
using ScoreScope.Cli.Settings;
using ScoreScope.Cli.Tables;
using ScoreScope.Cli.Terminal;

namespace ScoreScope.Cli.Commands;

/// <summary>
/// <c>scorescope demo</c>: a short end-to-end job on embedded defaults (<see cref="DemoSettings"/>). It writes a demo
/// folder (default <c>runs/demo-yyyyMMdd-HHmmss</c>, so earlier demos are never overwritten) holding the demo's
/// config.json and one subfolder per stage — <c>train/</c> (a small MLP trained on gmm8 under VP) and
/// <c>evaluate/</c> (its score error against the exact score, and in <c>evaluate/sample/</c> Heun samples of the
/// model with their metrics) — then prints where the output is and a table of the metrics.
/// </summary>
public sealed class DemoCommand
{
    readonly CliConsole _console;

    public DemoCommand(CliConsole console) => _console = console;

    readonly RunFolderTarget _target = new("demo");

    public Option<bool> Verbose { get; } = CommonOptions.Verbose();

    /// <summary>Builds the System.CommandLine command.</summary>
    public Command Build()
    {
        var command = new Command("demo",
            "Run a short end-to-end job on embedded defaults (train a small MLP on an 8-mode Gaussian mixture under the VP " +
            "process, measure its score error, draw 10000 Heun samples with it), write it to a new folder and print where " +
            "it is with a table of metrics.")
        {
            _target.Out, _target.Force, Verbose,
        };
        // The work runs on a pool thread so that System.CommandLine can observe Ctrl+C / SIGTERM meanwhile and cancel it.
        command.SetAction((parseResult, cancellationToken) => Task.Run(() => CommandRunner.Run(
            "demo", _console, parseResult.GetValue(Verbose), () => Execute(parseResult, cancellationToken)), CancellationToken.None));
        return command;
    }

    int Execute(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var settings = new DemoSettings();
        var origins = new SettingOrigins(null);
        var train = SettingsResolution.WithDefaultNetworkSizes(SettingsResolution.WithDefaultProcessParameters(settings.Train));
        TrainSettingsValidator.Validate(train, origins);
        var (target, force) = _target.Check(parseResult);
        var log = parseResult.GetValue(Verbose) ? _console.Error : null;
        string finalFolder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));

        using var trainJob = TrainJob.Prepare(train, origins, ["demo"]);
        var (trained, evaluated) = RunFolder.Write(target, force, folder =>
        {
            string trainFolder = Directory.CreateDirectory(Path.Combine(folder, "train")).FullName;
            var trainResult = _console.WithProgress(board => trainJob.Run(trainFolder, resume: false, stopAt: null, board, log, cancellationToken));
            if (!trainResult.Completed)
            {
                cancellationToken.ThrowIfCancellationRequested();
                throw new InvalidOperationException($"the demo's training stage stopped at step {trainResult.Step}: {trainResult.NonFinite?.Message}");
            }
            string evaluateFolder = Directory.CreateDirectory(Path.Combine(folder, "evaluate")).FullName;
            var evaluate = settings.Evaluate with { Model = trainFolder };
            using var evaluateJob = EvaluateJob.Prepare(evaluate, origins, ["demo"]);
            var evaluateResult = _console.WithProgress(board => evaluateJob.Run(evaluateFolder, board, log, cancellationToken));
            ConfigJson.Write(folder, "demo",
                settings with { Train = train, Evaluate = evaluate with { Model = Path.Combine(finalFolder, "train") } },
                new Dictionary<string, string> { ["stages"] = "train, evaluate (score error, sample)" });
            // The stages ran in the temporary folder; their configs must name the final one.
            foreach (var file in Directory.EnumerateFiles(folder, "config.json", SearchOption.AllDirectories))
            {
                File.WriteAllText(file, File.ReadAllText(file).Replace(Path.GetFullPath(folder), finalFolder, StringComparison.Ordinal));
            }
            return (trainResult, evaluateResult);
        }, CliRunFolders.Options(_console, "demo"));

        string trainOut = Path.Combine(target, "train"), evaluateOut = Path.Combine(target, "evaluate");
        var output = _console.Output;
        output.WriteLine($"Demo finished in {(trained.Elapsed + evaluated.Elapsed).TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s. Output: {target}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {Path.Combine(trainOut, "model.ckpt")}  {trained.Step} steps, held-out loss (EMA) {trained.LastMetrics?.HeldOutLossEma:G4}; loss.png, metrics.csv"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {Path.Combine(evaluateOut, "score_error.png")}  max rel_error on t ∈ [{EvaluateJob.WindowStart}, 1] = {evaluated.MaxRelativeError:G3} " +
            $"({(evaluated.MaxRelativeError <= EvaluateJob.AcceptanceLevel ? "within" : "above")} its level {EvaluateJob.AcceptanceLevel})"));
        output.WriteLine($"  {Path.Combine(evaluateOut, "sample", "samples.png")}  {string.Join(" × ", evaluated.Sample.SampleShape)} samples of the model over data");
        output.WriteLine($"  rerun a stage: scorescope train --config {Path.Combine(trainOut, "config.json")} --out <folder>");
        RunSummary.PrintMetrics(_console, evaluated.Rows);
        return 0;
    }
}
