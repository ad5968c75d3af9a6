using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using ScoreScope.Cli.Errors;
using ScoreScope.Cli.Runs;
using ScoreScope.Cli.Settings;
using ScoreScope.Cli.Terminal;
using ScoreScope.Experiments;
using ScoreScope.IO;
using ScoreScope.Reports;
using ScoreScope.Runs;

namespace ScoreScope.Cli.Commands;

/// <summary>
/// <c>scorescope reproduce NAME | all | --list</c>: runs the experiments of <see cref="ExperimentRegistry"/> into run
/// folders. The options are common to every experiment (declared here once); an experiment's own parameters are set
/// with <c>--set name=value</c>. This command knows no experiment: it parses, calls the library, writes config.json and
/// renders progress, tables and claims.
/// </summary>
public sealed class ReproduceCommand
{
    /// <summary>The argument value that runs every registered experiment.</summary>
    public const string All = "all";

    readonly CliConsole _console;

    /// <summary>Creates the command writing through <paramref name="console"/>.</summary>
    public ReproduceCommand(CliConsole console) => _console = console;

    Argument<string?> Experiment { get; } = new("experiment")
    {
        Description = $"The experiment to run ({string.Join(", ", ExperimentRegistry.Names)}), or '{All}' for every one of them.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    Option<bool> List { get; } = OptionFactory.Switch("--list",
        "List the registered experiments (with an experiment: its paper, stages and parameters with their full and quick values) and exit.");

    Option<bool> Quick { get; } = OptionFactory.Switch("--quick", "Run the minute-scale preset of the parameters instead of the paper-scale one.");

    Option<bool> Check { get; } = OptionFactory.Switch("--check", "Exit with code 3 when a checked claim fails (the claims are in each run folder's checks.csv).");

    Option<ulong> Seed { get; } = OptionFactory.Seed("--seed", "Seed of every random draw, in [0, 2^64 − 1]. Default: each experiment's own fixed seed (see --list).");

    Option<int> Threads { get; } = CommonOptions.Threads();

    Option<string> Device { get; } = OptionFactory.Text("--device", "Device to run on; each experiment lists its devices in --list (default: its first, cpu).");

    Option<string[]> Set { get; } = new("--set")
    {
        Description = "Set one experiment parameter, as name=value (repeatable); names as in config.json's options, listed by 'reproduce NAME --list'. Not with 'all'.",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    Option<string> Out { get; } = CommonOptions.Out($"runs/<experiment>-<yyyyMMdd-HHmmss> (runs/reproduce-{All}-<yyyyMMdd-HHmmss> for '{All}', one subfolder per experiment and index.csv/json)");

    Option<bool> Force { get; } = CommonOptions.Force();

    Option<bool> Verbose { get; } = CommonOptions.Verbose();

    /// <summary>Builds the System.CommandLine command.</summary>
    public Command Build()
    {
        var command = new Command("reproduce",
            "Reproduce a paper experiment end to end (data, exact oracles, trained models, tables, plots, claims) into a run " +
            $"folder: 'reproduce NAME', 'reproduce {All}' or 'reproduce --list'. --quick runs the minute-scale preset; --check exits with code 3 when a claim fails.")
        {
            Experiment, List, Quick, Check, Seed, Threads, Device, Set, Out, Force, Verbose,
        };
        command.SetAction((parseResult, cancellationToken) => Task.Run(() => CommandRunner.Run(
            CommandName(parseResult), _console, parseResult.GetValue(Verbose), () => Execute(parseResult, cancellationToken)), CancellationToken.None));
        return command;
    }

    string CommandName(ParseResult parseResult) =>
        parseResult.GetValue(Experiment) is { } name ? $"reproduce {name}" : "reproduce";

    int Execute(ParseResult parseResult, CancellationToken cancellationToken)
    {
        string? name = parseResult.GetValue(Experiment);
        if (parseResult.GetValue(List))
        {
            if (name is null || name == All) PrintList();
            else PrintExperiment(Find(name));
            return ExitCodes.Success;
        }
        if (name is null)
            throw new UsageException($"name an experiment ({string.Join(", ", ExperimentRegistry.Names)}), '{All}', or pass --list");
        int threads = CommonOptions.CheckThreads(parseResult.GetValue(Threads));
        bool force = parseResult.GetValue(Force);
        bool check = parseResult.GetValue(Check);
        if (name == All)
        {
            if (parseResult.GetValue(Set) is { Length: > 0 } sets)
                throw new UsageException($"--set {sets[0]}: parameters are set for one experiment; run 'reproduce NAME --set ...' instead of '{All}'");
            var plans = ExperimentRegistry.All.Select(e => (Experiment: e, Parameters: Resolve(e, parseResult, threads))).ToArray();
            string allTarget = parseResult.GetValue(Out) ?? CommonOptions.TimestampedFolder($"reproduce-{All}");
            RunFolder.CheckTarget(allTarget, force);
            return TorchThreads.With(threads, () => RunAll(plans, allTarget, force, check, parseResult, cancellationToken));
        }
        var experiment = Find(name);
        var parameters = Resolve(experiment, parseResult, threads);
        string target = parseResult.GetValue(Out) ?? CommonOptions.TimestampedFolder(experiment.Name);
        RunFolder.CheckTarget(target, force);
        return TorchThreads.With(threads, () =>
        {
            var watch = Stopwatch.StartNew();
            var outcome = RunFolder.Write(target, force, folder => RunInto(experiment, parameters, folder, cancellationToken),
                CliRunFolders.Options(_console, $"reproduce {experiment.Name}", reportSelf: false));
            ExperimentView.Print(_console, outcome, $"reproduce {experiment.Name}: claims");
            _console.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Finished in {watch.Elapsed.TotalSeconds:F1} s. Output: {target}"));
            return check && !outcome.Claims.AllHold ? ExitCodes.CheckFailed : ExitCodes.Success;
        });
    }

    int RunAll((IExperiment Experiment, ExperimentParameters Parameters)[] plans, string target, bool force, bool check,
        ParseResult parseResult, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var started = DateTimeOffset.Now;
        var rows = RunFolder.Write(target, force, folder =>
        {
            var index = new List<ExperimentIndexRow>();
            foreach (var (experiment, parameters) in plans)
            {
                var watch = Stopwatch.StartNew();
                string sub = Directory.CreateDirectory(Path.Combine(folder, experiment.Name)).FullName;
                var outcome = RunInto(experiment, parameters, sub, cancellationToken);
                ExperimentView.Print(_console, outcome, $"reproduce {experiment.Name}: claims");
                index.Add(ExperimentIndexRow.Of(experiment, outcome, watch.Elapsed.TotalSeconds));
            }
            File.WriteAllText(Path.Combine(folder, "index.csv"), ExperimentIndexRow.ToCsv(index));
            ReportIndex.Write(folder, $"scorescope reproduce {All}", plans.Zip(index, (plan, row) =>
                new ReportIndexEntry(plan.Experiment.Name, plan.Experiment.Summary, $"{plan.Experiment.Name}/{RunReport.FileName}",
                    row.CheckedHold, row.CheckedClaims, row.Findings, row.Seconds)).ToList(), RunProvenance.Capture(started));
            File.WriteAllText(Path.Combine(folder, "index.json"), RunJson.Serialize(index));
            ConfigJson.Write(folder, $"reproduce {All}", new ReproduceAllOptions
            {
                Experiments = [.. plans.Select(p => p.Experiment.Name)],
                Quick = parseResult.GetValue(Quick),
                Check = check,
                Seed = OptionFactory.TryGetExplicit(parseResult, Seed, out ulong seed) ? seed : null,
                Threads = plans[0].Parameters.Threads,
                Device = parseResult.GetValue(Device),
            }, new Dictionary<string, string>
            {
                ["options-per-experiment"] = "<experiment>/config.json",
                ["elapsed-seconds"] = total.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture),
            });
            return index;
        }, CliRunFolders.Options(_console, $"reproduce {All}"));
        ExperimentView.Print(_console, ExperimentIndexRow.ToTable(rows, $"reproduce {All}: {rows.Count} experiments in {total.Elapsed.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture)} s, {target}"));
        return check && rows.Any(r => !r.AllCheckedHold) ? ExitCodes.CheckFailed : ExitCodes.Success;
    }

    ExperimentOutcome RunInto(IExperiment experiment, ExperimentParameters parameters, string folder, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var started = DateTimeOffset.Now;
        var outcome = experiment.Run(parameters, new ExperimentContext(folder, new ConsoleExperimentProgress(_console, experiment.Name), cancellationToken));
        var resolved = new Dictionary<string, string>(outcome.Resolved)
        {
            ["experiment"] = experiment.Name,
            ["paper"] = experiment.Paper.ToString(),
            ["elapsed-seconds"] = watch.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture),
        };
        ConfigJson.Write<object>(folder, $"reproduce {experiment.Name}", parameters, resolved);
        ExperimentReport.Write(folder, experiment, outcome, RunProvenance.Capture(started));
        return outcome;
    }

    static IExperiment Find(string name) => ExperimentRegistry.Find(name) ?? throw new UsageException(
        $"unknown experiment '{name}'; registered: {string.Join(", ", ExperimentRegistry.Names)} (or '{All}')");

    /// <summary>The preset, then --seed, --threads, --device and every --set, validated before any work.</summary>
    ExperimentParameters Resolve(IExperiment experiment, ParseResult parseResult, int threads)
    {
        var parameters = experiment.Preset(parseResult.GetValue(Quick)) with { Threads = threads };
        if (OptionFactory.TryGetExplicit(parseResult, Seed, out ulong seed)) parameters = parameters with { Seed = seed };
        if (parseResult.GetValue(Device) is { } device) parameters = parameters with { Device = device };
        foreach (string assignment in parseResult.GetValue(Set) ?? [])
        {
            int equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
                throw new UsageException($"--set '{assignment}': expected name=value, e.g. --set {ParameterAssignment.Names(experiment.ParametersType)[0]}=…; names: {string.Join(", ", ParameterAssignment.Names(experiment.ParametersType))}");
            string name = assignment[..equals], value = assignment[(equals + 1)..];
            try
            {
                parameters = ParameterAssignment.Assign(parameters, name, value);
            }
            catch (ExperimentParameterException e)
            {
                throw new UsageException($"--set {e.Parameter}={e.Value}: expected {e.Valid}", e);
            }
        }
        try
        {
            experiment.Validate(parameters);
        }
        catch (ExperimentParameterException e)
        {
            string option = ParameterAssignment.CommonNames.Contains(e.Parameter) ? $"--{e.Parameter} {e.Value}" : $"--set {e.Parameter}={e.Value}";
            throw new UsageException($"{option}: expected {e.Valid}", e);
        }
        return parameters;
    }

    void PrintList()
    {
        var rows = ExperimentRegistry.All.Select(e => (IReadOnlyList<string>)[e.Name, e.Paper.ToString(), e.Summary]).ToList();
        ExperimentView.Print(_console, new ResultTable("registered experiments ('reproduce NAME --list' for one's parameters)", ["name", "paper", "summary"], rows));
    }

    void PrintExperiment(IExperiment experiment)
    {
        var output = _console.Output;
        output.WriteLine($"{experiment.Name}: {experiment.Summary}");
        output.WriteLine($"paper: {experiment.Paper}");
        output.WriteLine($"devices: {string.Join(", ", experiment.Devices)}");
        output.WriteLine("stages:");
        foreach (string stage in experiment.Stages) output.WriteLine($"  {stage}");
        var full = experiment.Preset(quick: false);
        var quick = experiment.Preset(quick: true);
        var rows = new List<IReadOnlyList<string>>
        {
            new[] { "seed (--seed)", full.Seed.ToString(CultureInfo.InvariantCulture), quick.Seed.ToString(CultureInfo.InvariantCulture) },
        };
        rows.AddRange(ParameterAssignment.Names(experiment.ParametersType).Select(n =>
            (IReadOnlyList<string>)[n, ParameterAssignment.Format(full, n), ParameterAssignment.Format(quick, n)]));
        ExperimentView.Print(_console, new ResultTable($"{experiment.Name} parameters (--set name=value)", ["name", "full", "quick"], rows));
    }
}
