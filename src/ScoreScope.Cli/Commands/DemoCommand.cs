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
/// config.json and one subfolder per stage — today <c>sample/</c> (gmm8, VP, exact score, Heun) — then prints where the
/// output is and a table of the metrics.
/// </summary>
public sealed class DemoCommand
{
    readonly CliConsole _console;

    public DemoCommand(CliConsole console) => _console = console;

    public Option<string> Out { get; } = CommonOptions.Out("runs/demo-<yyyyMMdd-HHmmss>");

    public Option<bool> Force { get; } = CommonOptions.Force();

    public Option<bool> Verbose { get; } = CommonOptions.Verbose();

    /// <summary>Builds the System.CommandLine command.</summary>
    public Command Build()
    {
        var command = new Command("demo",
            "Run a short end-to-end job on embedded defaults (8-mode Gaussian mixture, VP process, exact score, Heun " +
            "sampler, 20000 samples), write it to a new folder and print where it is with a table of metrics.")
        {
            Out, Force, Verbose,
        };
        // The work runs on a pool thread so that System.CommandLine can observe Ctrl+C / SIGTERM meanwhile and cancel it.
        command.SetAction((parseResult, cancellationToken) => Task.Run(() => CommandRunner.Run(
            "demo", _console, parseResult.GetValue(Verbose), () => Execute(parseResult, cancellationToken)), CancellationToken.None));
        return command;
    }

    int Execute(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var defaults = new DemoSettings();
        var settings = defaults with { Sample = ProcessTable.WithDefaultParameters(defaults.Sample) };
        SampleSettingsValidator.Validate(settings.Sample, new SettingOrigins(null));
        string target = parseResult.GetValue(Out) ?? CommonOptions.TimestampedFolder("demo");
        bool force = parseResult.GetValue(Force);
        bool verbose = parseResult.GetValue(Verbose);
        RunFolder.CheckTarget(target, force);

        // Stages run in order, each into its own subfolder; a training stage slots in before sampling.
        using var sampleJob = SampleJob.Prepare(settings.Sample, new SettingOrigins(null), ["demo"]);
        var result = RunFolder.Write(target, force, folder =>
        {
            string sampleFolder = Directory.CreateDirectory(Path.Combine(folder, "sample")).FullName;
            var sampled = _console.WithProgress(board => sampleJob.Run(sampleFolder, board, verbose ? _console.Error : null, cancellationToken));
            var config = new RunConfig<DemoSettings>
            {
                Command = "demo",
                ScoreScopeVersion = ScoreScopeInfo.Version,
                Options = settings,
                Resolved = new Dictionary<string, string> { ["stages"] = "sample" },
            };
            File.WriteAllText(Path.Combine(folder, "config.json"), ConfigJson.Serialize(config));
            return sampled;
        });

        string sampleOut = Path.Combine(target, "sample");
        _console.Output.WriteLine($"Demo finished in {result.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s. Output: {target}");
        _console.Output.WriteLine($"  {Path.Combine(sampleOut, "samples.png")}  samples over data");
        _console.Output.WriteLine($"  {Path.Combine(sampleOut, "samples.npy")}  {string.Join(" × ", result.SampleShape)} {result.Dtype}");
        _console.Output.WriteLine($"  {Path.Combine(sampleOut, "metrics.json")}, config.json (rerun: scorescope sample --config {Path.Combine(sampleOut, "config.json")})");
        RunSummary.PrintMetrics(_console, result.Metrics);
        return 0;
    }
}
