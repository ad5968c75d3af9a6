using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ScoreScope.Cli.Commands;
using ScoreScope.Cli.Errors;
using ScoreScope.Cli.Runs;
using ScoreScope.Cli.Settings;
using ScoreScope.Cli.Terminal;
using static TorchSharp.torch;

namespace ScoreScope.Cli.Experiments.CumulantsToy;

/// <summary>
/// <c>scorescope reproduce cumulants-toy</c>: the exactly solvable toy model of Aarts et al. 2024 (arXiv 2410.21212,
/// §3) end to end — forward tracking, exact-score and trained backward runs under VE and VP with g = σ^t, the final
/// cumulant table, plots and the claims (checks.csv; <c>--check</c> exits with 3 when one fails).
/// </summary>
public sealed class CumulantsToyCommand
{
    /// <summary>The largest <c>--threads</c>.</summary>
    public const int MaxThreads = 1024;

    readonly CliConsole _console;

    public CumulantsToyCommand(CliConsole console) => _console = console;

    public Option<bool> Quick { get; } = OptionFactory.Switch("--quick",
        "Minute-scale version: 10⁵ data and exact-score samples, 500 steps, 1500 training steps, 2·10⁴ reflected trained samples.");

    public Option<bool> Check { get; } = OptionFactory.Switch("--check", "Exit with code 3 when a claim fails (see checks.csv).");

    public Option<ulong> Seed { get; } = OptionFactory.Seed("--seed", $"The run's seed (default {CumulantsToySettings.Full.Seed}).");

    public Option<int> Threads { get; } = OptionFactory.Integer("--threads", $"libtorch CPU threads, in [1, {MaxThreads}].", 1);

    public Option<string> Out { get; } = CommonOptions.Out("runs/cumulants-toy-<yyyyMMdd-HHmmss>");

    public Option<bool> Force { get; } = CommonOptions.Force();

    public Option<bool> Verbose { get; } = CommonOptions.Verbose();

    /// <summary>Builds the System.CommandLine command.</summary>
    public Command Build()
    {
        var command = new Command("cumulants-toy",
            "Cumulants of the double-peak toy model along the forward and backward processes (Aarts et al. 2024, " +
            "arXiv 2410.21212): VE and VP with g = 10^t on 10⁶ samples, exact-score and trained-MLP backward runs, " +
            "table of final κ2..κ8 with bootstrap errors, plots and claim checks.")
        {
            Quick, Check, Seed, Threads, Out, Force, Verbose,
        };
        command.SetAction((parseResult, cancellationToken) => Task.Run(() => CommandRunner.Run(
            "reproduce cumulants-toy", _console, parseResult.GetValue(Verbose), () => Execute(parseResult, cancellationToken)), CancellationToken.None));
        return command;
    }

    int Execute(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var settings = parseResult.GetValue(Quick) ? CumulantsToySettings.QuickRun : CumulantsToySettings.Full;
        if (OptionFactory.TryGetExplicit(parseResult, Seed, out ulong seed)) settings = settings with { Seed = seed };
        int threads = parseResult.GetValue(Threads);
        if (threads < 1 || threads > MaxThreads) throw new UsageException($"--threads must be an integer in [1, {MaxThreads}] (got {threads})");
        settings = settings with { Threads = threads };
        string target = parseResult.GetValue(Out) ?? CommonOptions.TimestampedFolder("cumulants-toy");
        bool force = parseResult.GetValue(Force);
        RunFolder.CheckTarget(target, force);

        int previousThreads = get_num_threads();
        set_num_threads(settings.Threads);
        try
        {
            var clock = Stopwatch.StartNew();
            var (claims, table, runs) = RunFolder.Write(target, force, folder =>
            {
                var experiment = new CumulantsToyExperiment(settings, _console.Error);
                var runs = experiment.Run(folder, cancellationToken);
                var config = new RunConfig<CumulantsToySettings>
                {
                    Command = "reproduce cumulants-toy",
                    ScoreScopeVersion = ScoreScopeInfo.Version,
                    Options = settings,
                    Resolved = new Dictionary<string, string>
                    {
                        ["data"] = experiment.Toy.ToString(),
                        ["ve"] = $"{experiment.VarianceExploding}",
                        ["vp"] = $"{experiment.VariancePreserving}",
                        ["sampler"] = $"Euler–Maruyama, {settings.Steps} uniform steps from t = 1 to 0",
                        ["cumulant-options"] = experiment.CumulantOptions.ToString(),
                    },
                };
                File.WriteAllText(Path.Combine(folder, "config.json"), ConfigJson.Serialize(config));
                var (claims, table) = CumulantsToyReport.Write(folder, experiment, runs, clock.Elapsed.TotalSeconds);
                return (claims, table, runs);
            });
            CumulantsToyReport.Print(_console, claims, table, runs);
            _console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"cumulants-toy finished in {clock.Elapsed.TotalSeconds:F1} s. Output: {target}"));
            return claims.ExitCode(parseResult.GetValue(Check));
        }
        finally
        {
            set_num_threads(previousThreads);
        }
    }
}
