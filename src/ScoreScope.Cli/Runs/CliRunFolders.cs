using ScoreScope.Cli.Terminal;
using ScoreScope.Runs;

namespace ScoreScope.Cli.Runs;

/// <summary>
/// The <see cref="RunFolderOptions"/> of a CLI command: its name in the lock, and a warning line on stderr for every
/// stale partial folder (a crashed run's leftovers) found beside the run being written.
/// </summary>
public static class CliRunFolders
{
    /// <summary>
    /// The options for <paramref name="command"/> writing through <paramref name="console"/>. Before the folder is
    /// committed, <c>report.html</c> is written into it and into every run nested in it
    /// (<see cref="CommandReports.WriteAll"/>); <paramref name="reportSelf"/> false leaves the folder's own report to the
    /// caller (an experiment writes a richer one).
    /// </summary>
    public static RunFolderOptions Options(CliConsole console, string command, Func<string, bool>? isResumable = null, bool reportSelf = true)
    {
        var started = DateTimeOffset.Now;
        return new()
        {
            Command = command,
            IsResumable = isResumable,
            OnStale = entry => console.Error.WriteLine($"scorescope {command}: warning: {Describe(entry)}"),
            Finish = folder => CommandReports.WriteAll(folder, command, started, reportSelf),
        };
    }

    /// <summary>One line about a stale folder and what to do with it.</summary>
    public static string Describe(RunFolderEntry entry)
    {
        string who = entry.Holder is { } h ? $"pid {h.ProcessId} ({h.Command}), no longer running" : "a process that is no longer running";
        string target = Path.GetRelativePath(Environment.CurrentDirectory, entry.Target);
        string parent = ParentOf(target);
        string action = entry.Resumable
            ? $"continue it with 'scorescope train --resume {target}' or remove it with 'scorescope runs clean {parent}'"
            : $"remove it with 'scorescope runs clean {parent}'";
        return $"stale partial folder '{entry.Path}' of '{target}' left by {who}; {action}";
    }

    /// <summary>The parent folder of a run path as typed ("." for a bare name).</summary>
    public static string ParentOf(string target) => Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(target)) is { Length: > 0 } p ? p : ".";
}
