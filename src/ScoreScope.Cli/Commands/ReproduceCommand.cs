using System.CommandLine;
using ScoreScope.Cli.Terminal;

namespace ScoreScope.Cli.Commands;

/// <summary>
/// <c>scorescope reproduce &lt;experiment&gt;</c>: the paper experiments of the research threads, each with
/// <c>--quick</c> (a minute-scale version) and <c>--check</c> (exit code 3 when a claim fails; the claims are in the
/// run folder's checks.csv). One subcommand per experiment; each writes a run folder like every command.
/// </summary>
public sealed class ReproduceCommand
{
    readonly CliConsole _console;

    public ReproduceCommand(CliConsole console) => _console = console;

    /// <summary>Builds the System.CommandLine command with one subcommand per experiment.</summary>
    public Command Build()
    {
        var command = new Command("reproduce",
            "Reproduce a paper experiment end to end (data, exact oracles, trained models, tables, plots) into a run " +
            "folder. --quick runs a minute-scale version; --check exits with code 3 when a claim fails.");
        foreach (var experiment in Experiments())
        {
            command.Subcommands.Add(experiment);
        }
        return command;
    }

    // One line per experiment (kept as a list so that experiments can be added independently).
    IEnumerable<Command> Experiments()
    {
        yield return new ReproduceSingularCommand(_console).Build();
        yield return new Experiments.CumulantsToy.CumulantsToyCommand(_console).Build();
        yield return new Experiments.Spectra.SpectraExperiment(_console).Build();
    }
}
