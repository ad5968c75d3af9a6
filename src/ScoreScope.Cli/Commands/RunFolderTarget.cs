using System.CommandLine;
using ScoreScope.Runs;

namespace ScoreScope.Cli.Commands;

/// <summary>
/// The output options of a command that writes one run folder: <c>--out</c> (default
/// <c>runs/COMMAND-&lt;yyyyMMdd-HHmmss&gt;</c>) and <c>--force</c>, declared once, and the check of the target before
/// any work is done (an existing run is never overwritten without <c>--force</c>).
/// </summary>
public sealed class RunFolderTarget
{
    readonly string _prefix;

    /// <summary>Creates the options of a command whose default folder is <c>runs/PREFIX-&lt;timestamp&gt;</c>.</summary>
    public RunFolderTarget(string prefix)
    {
        _prefix = prefix;
        Out = CommonOptions.Out($"runs/{prefix}-<yyyyMMdd-HHmmss>");
    }

    /// <summary><c>--out</c>: the run folder to create.</summary>
    public Option<string> Out { get; }

    /// <summary><c>--force</c>: replace an existing run folder.</summary>
    public Option<bool> Force { get; } = CommonOptions.Force();

    /// <summary>The target folder (given or timestamped) and <c>--force</c>, after checking the target may be written.</summary>
    /// <exception cref="RunFolderException">When the target exists and <c>--force</c> is not given, or is not a run.</exception>
    public (string Target, bool Force) Check(ParseResult parseResult)
    {
        string target = parseResult.GetValue(Out) ?? CommonOptions.TimestampedFolder(_prefix);
        bool force = parseResult.GetValue(Force);
        RunFolder.CheckTarget(target, force);
        return (target, force);
    }
}
