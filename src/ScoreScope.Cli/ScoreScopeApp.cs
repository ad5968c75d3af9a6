using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using ScoreScope.Cli.Commands;
using ScoreScope.Cli.Errors;
using ScoreScope.Cli.Terminal;

namespace ScoreScope.Cli;

/// <summary>
/// The <c>scorescope</c> command line: builds the command tree and runs one invocation. Parse errors are reported
/// here as one line on stderr with exit code 2 (System.CommandLine's own error output, which appends the help
/// text, is bypassed). Tests call <see cref="Run"/> in-process with <see cref="StringWriter"/>s.
/// </summary>
public static class ScoreScopeApp
{
    /// <summary>The command name shown in help and messages (the assembly is ScoreScope.Cli).</summary>
    public const string Name = "scorescope";

    /// <summary>
    /// Builds the root command; its actions write through <paramref name="console"/>. A plain <see cref="Command"/>
    /// named <c>scorescope</c> (with help and version options) rather than a <see cref="RootCommand"/>, whose name is
    /// the executable's file name.
    /// </summary>
    public static Command BuildRootCommand(CliConsole console)
    {
        var root = new Command(Name,
            "ScoreScope: a laboratory for score-based diffusion models with exact oracles. " +
            "Run 'scorescope demo' for a first end-to-end run, 'scorescope <command> --help' for a command's options.")
        {
            new HelpOption(),
            new VersionOption(),
            new SampleCommand(console).Build(),
            new DemoCommand(console).Build(),
            new TrainCommand(console).Build(),
            new EvaluateCommand(console).Build(),
            new ReproduceCommand(console).Build(),
            new CumulantsCommand(console).Build(),
            new SpectraCommand(console).Build(),
            new HmcCommand(console).Build(),
            new LatticeCommand(console).Build(),
            new HeatKernelCommand(console).Build(),
            new RunsCommand(console).Build(),
            new ProcessCommand(console).Build(),
            new ScoreCommand(console).Build(),
            new LikelihoodCommand(console).Build(),
            new CorrectCommand(console).Build(),
            new SweepCommand(console, () => BuildRootCommand(new CliConsole(TextWriter.Null, TextWriter.Null, interactive: false))).Build(),
        };
        return root;
    }

    /// <summary>Runs one invocation with <paramref name="args"/> and returns the process exit code.</summary>
    /// <param name="args">The arguments after the program name.</param>
    /// <param name="output">Standard output (results, help).</param>
    /// <param name="error">Standard error (one-line errors, progress).</param>
    /// <param name="interactive">True when stderr is a terminal: progress bars and colours are shown.</param>
    /// <param name="handleTermination">
    /// True (the real program) to turn Ctrl+C / SIGTERM into cancellation of the running command, which then removes
    /// its partial output; tests pass false so the test host's signal handling is left alone.
    /// </param>
    public static int Run(string[] args, TextWriter output, TextWriter error, bool interactive = false,
        bool handleTermination = false)
    {
        var console = new CliConsole(output, error, interactive);
        var root = BuildRootCommand(console);
        var parseResult = root.Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = handleTermination ? TimeSpan.FromSeconds(10) : null,
        };
        if (parseResult.Errors.Count > 0 && parseResult.Action is not HelpAction)
        {
            error.WriteLine(ScoreScope.IO.PrintableText.Escape(DescribeParseError(parseResult)));
            return ExitCodes.Usage;
        }
        // Off any synchronisation context (test runners install one), so blocking on the result cannot deadlock.
        return Task.Run(() => parseResult.InvokeAsync(configuration)).GetAwaiter().GetResult();
    }

    /// <summary>
    /// For <c>reproduce NAME --x</c>: the experiment NAME and the current --set name of its parameter <paramref name="name"/>
    /// (the old per-experiment flags became <c>--set</c> parameters), or null.
    /// </summary>
    static (string Experiment, string Name)? ExperimentParameterOf(ParseResult parseResult, string name)
    {
        var tokens = parseResult.Tokens.Select(t => t.Value).ToList();
        int at = tokens.IndexOf("reproduce");
        if (at < 0 || at + 1 >= tokens.Count || ScoreScope.Experiments.ExperimentRegistry.Find(tokens[at + 1]) is not { } experiment) return null;
        string? canonical = ScoreScope.Experiments.ParameterAssignment.Canonical(experiment.ParametersType, name);
        return canonical is null || ScoreScope.Experiments.ParameterAssignment.CommonNames.Contains(canonical) ? null : (experiment.Name, canonical);
    }

    static string DescribeParseError(ParseResult parseResult)
    {
        var command = parseResult.CommandResult.Command;
        bool atRoot = command.Name == Name;
        string path = atRoot ? Name : $"{Name} {command.Name}";
        var error = parseResult.Errors[0];
        string help = $"see '{path} --help'";
        if (parseResult.UnmatchedTokens.Count > 0)
        {
            string token = parseResult.UnmatchedTokens[0];
            if (atRoot)
            {
                var commands = string.Join(", ", command.Subcommands.Select(c => c.Name));
                return $"{path}: unknown command or argument '{token}'; valid commands: {commands} ({help})";
            }
            if (command.Name == "reproduce" && token.StartsWith("--", StringComparison.Ordinal) && ExperimentParameterOf(parseResult, token[2..]) is { } parameter)
                return $"{path}: '{token}' is a parameter of experiment {parameter.Experiment}; set it with --set {parameter.Name}=VALUE ({help})";
            var options = string.Join(", ", command.Options.Where(o => !o.Hidden).Select(o => o.Name));
            return $"{path}: unknown option or argument '{token}'; valid options: {options} ({help})";
        }
        if (atRoot && error.SymbolResult is CommandResult or null)
        {
            var commands = string.Join(", ", command.Subcommands.Select(c => c.Name));
            return $"{path}: a command is required; valid commands: {commands} ({help})";
        }
        return $"{path}: {ErrorText.OneLine(new InvalidOperationException(error.Message))} ({help})";
    }
}
