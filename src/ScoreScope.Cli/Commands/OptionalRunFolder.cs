using System.CommandLine;
using ScoreScope.Cli.Runs;
using ScoreScope.Cli.Settings;
using ScoreScope.Cli.Terminal;
using ScoreScope.Runs;

namespace ScoreScope.Cli.Commands;

/// <summary>
/// The output options of the commands that print their result and write a run folder only when asked
/// (<c>scorescope cumulants</c>, <c>scorescope lattice</c>): <c>--out</c> (optional) and <c>--force</c>, the check of the
/// target before any work, and the atomic write of the folder with its <c>config.json</c> and report.
/// </summary>
public sealed class OptionalRunFolder
{
    /// <summary>Creates the options; <paramref name="files"/> lists what the folder holds besides config.json.</summary>
    public OptionalRunFolder(string files) =>
        Out = OptionFactory.Text("--out", $"Also write a run folder (config.json, {files}), atomically. Default: print only.");

    /// <summary><c>--out</c>: the run folder to write; none when not given.</summary>
    public Option<string> Out { get; }

    /// <summary><c>--force</c>: replace an existing run folder.</summary>
    public Option<bool> Force { get; } = CommonOptions.Force();

    /// <summary>
    /// The target folder the user asked for (null for print only), checked before any work: an existing run is
    /// not overwritten without <c>--force</c>.
    /// </summary>
    /// <exception cref="RunFolderException">When the target exists and <c>--force</c> is not given.</exception>
    public string? CheckedTarget(ParseResult parseResult)
    {
        string? target = parseResult.GetValue(Out);
        if (target is not null) RunFolder.CheckTarget(target, parseResult.GetValue(Force));
        return target;
    }

    /// <summary>
    /// Writes the run folder <paramref name="target"/> (nothing when null): <paramref name="writeFiles"/> fills it,
    /// then config.json records <paramref name="options"/> and <paramref name="resolved"/> for
    /// <paramref name="command"/>; the folder appears whole or not at all, and its path is printed.
    /// </summary>
    public void Write<TOptions>(ParseResult parseResult, string? target, string command, CliConsole console, TOptions options,
        IDictionary<string, string> resolved, Action<string> writeFiles) where TOptions : class
    {
        if (target is null) return;
        RunFolder.Write(target, parseResult.GetValue(Force), folder =>
        {
            writeFiles(folder);
            ConfigJson.Write(folder, command, options, resolved);
            return 0;
        }, CliRunFolders.Options(console, command));
        console.Output.WriteLine($"Output: {target}");
    }
}
