using System.CommandLine;

namespace ScoreScope.Cli.Commands;

/// <summary>Options shared by every command that writes a run folder.</summary>
public static class CommonOptions
{
    /// <summary><c>--out</c>: the run folder to create.</summary>
    public static Option<string> Out(string defaultDescription) => OptionFactory.Text("--out",
        $"The run folder to create (written atomically: to a hidden temporary folder next to it, renamed when complete). " +
        $"Default: {defaultDescription}.");

    /// <summary><c>--force</c>: replace an existing run folder.</summary>
    public static Option<bool> Force() => OptionFactory.Switch("--force",
        "Replace --out if it exists (only an empty folder or a previous ScoreScope run, i.e. one holding config.json).");

    /// <summary><c>--verbose</c>: stack traces on errors and more detail.</summary>
    public static Option<bool> Verbose() => OptionFactory.Switch("--verbose",
        "Print the stack trace after an error message and timing details.");

    /// <summary>A timestamped default run folder <c>runs/PREFIX-yyyyMMdd-HHmmss</c> (local time).</summary>
    public static string TimestampedFolder(string prefix) =>
        Path.Combine("runs", $"{prefix}-{DateTime.Now:yyyyMMdd-HHmmss}");
}
