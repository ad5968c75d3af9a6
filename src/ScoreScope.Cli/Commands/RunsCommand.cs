using System.CommandLine;
using ScoreScope.Cli.Errors;
using ScoreScope.Cli.Runs;
using ScoreScope.Cli.Terminal;
using ScoreScope.Runs;

namespace ScoreScope.Cli.Commands;

/// <summary>
/// <c>scorescope runs list|clean [FOLDER]</c>: the run folders of a parent folder with their state (complete, stopped,
/// in progress with the writer's pid, stale partial folders of crashed runs), and the removal of what crashed runs left
/// behind (<see cref="RunFolderInventory"/>).
/// </summary>
public sealed class RunsCommand
{
    readonly CliConsole _console;

    public RunsCommand(CliConsole console) => _console = console;

    /// <summary>Builds the System.CommandLine command with its two subcommands.</summary>
    public Command Build()
    {
        var command = new Command("runs",
            "List the runs of a folder with their state, or remove what crashed runs left behind (stale partial folders, " +
            "temporary files, dead locks).");
        command.Subcommands.Add(Subcommand("list",
            "List the run folders and partial folders in FOLDER with their state: complete, stopped (resumable), in progress " +
            "(writer's pid), stale (a crashed run's partial folder; resumable if it holds a checkpoint).", List));
        command.Subcommands.Add(Subcommand("clean",
            "Remove the stale partial folders of dead processes, half-replaced leftovers, and temporary files and dead locks " +
            "inside run folders, in FOLDER. Never touches a run whose writer is alive.", Clean));
        return command;
    }

    Command Subcommand(string name, string description, Func<string, int> body)
    {
        var folder = new Argument<string>("FOLDER") { Description = "The parent folder of the runs (default: runs).", DefaultValueFactory = _ => "runs" };
        var verbose = CommonOptions.Verbose();
        var command = new Command(name, description) { folder, verbose };
        command.SetAction(parseResult => CommandRunner.Run($"runs {name}", _console, parseResult.GetValue(verbose),
            () => body(parseResult.GetValue(folder)!)));
        return command;
    }

    int List(string folder)
    {
        var entries = Inventory(folder);
        foreach (var entry in entries)
        {
            string name = Path.GetRelativePath(Environment.CurrentDirectory, entry.Path);
            string state = entry.State switch
            {
                RunFolderState.Complete => "complete",
                RunFolderState.Stopped => "stopped",
                RunFolderState.InProgress => "in-progress",
                _ => "stale",
            };
            var details = new List<string>();
            if (entry.IsPartial) details.Add($"partial folder of {Path.GetRelativePath(Environment.CurrentDirectory, entry.Target)}");
            if (entry.Holder is { } holder) details.Add(entry.State == RunFolderState.InProgress ? $"written by {holder.Describe()}" : $"left by pid {holder.ProcessId} ({holder.Command})");
            if (entry.Resumable) details.Add($"resume: scorescope train --resume {Path.GetRelativePath(Environment.CurrentDirectory, entry.Target)}");
            if (entry.StrayFiles.Count > 0) details.Add($"{entry.StrayFiles.Count} stray temporary/lock file(s)");
            _console.Output.WriteLine($"{state,-12} {name}{(details.Count > 0 ? "  (" + string.Join("; ", details) + ")" : "")}");
        }
        int stale = entries.Count(e => e.State == RunFolderState.Stale || e.StrayFiles.Count > 0);
        _console.Output.WriteLine($"{entries.Count} folder(s); {stale} with leftovers of crashed runs{(stale > 0 ? $" (remove with: scorescope runs clean {folder})" : "")}");
        return ExitCodes.Success;
    }

    int Clean(string folder)
    {
        Inventory(folder);
        var removed = RunFolderInventory.Clean(folder);
        foreach (var path in removed)
        {
            _console.Output.WriteLine($"removed {Path.GetRelativePath(Environment.CurrentDirectory, path)}");
        }
        _console.Output.WriteLine($"{removed.Count} item(s) removed");
        return ExitCodes.Success;
    }

    static IReadOnlyList<RunFolderEntry> Inventory(string folder)
    {
        if (string.IsNullOrWhiteSpace(folder) || !Directory.Exists(folder))
        {
            throw new UsageException($"FOLDER '{folder}': not an existing folder; expected the parent folder of runs (e.g. runs)");
        }
        return RunFolderInventory.List(folder);
    }
}
