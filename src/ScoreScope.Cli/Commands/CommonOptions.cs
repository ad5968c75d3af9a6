using System.CommandLine;
using ScoreScope.Cli.Settings;

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

    /// <summary><c>--threads</c>: libtorch CPU threads, in [1, <see cref="SampleSettingsValidator.MaxThreads"/>], default 1.</summary>
    public static Option<int> Threads() => OptionFactory.Integer("--threads",
        $"libtorch CPU threads, in [1, {SampleSettingsValidator.MaxThreads}] (default 1: on a shared machine, more threads slow small tensors down).", 1);

    /// <summary>Returns <paramref name="threads"/> after checking it lies in [1, <see cref="SampleSettingsValidator.MaxThreads"/>].</summary>
    /// <exception cref="Errors.UsageException">Naming <c>--threads</c>, the value and the valid range.</exception>
    public static int CheckThreads(int threads)
    {
        SettingChecks.IntegerIn(threads, 1, SampleSettingsValidator.MaxThreads, "--threads");
        return threads;
    }

    /// <summary>A timestamped default run folder <c>runs/PREFIX-yyyyMMdd-HHmmss</c> (local time).</summary>
    public static string TimestampedFolder(string prefix) =>
        Path.Combine("runs", $"{prefix}-{DateTime.Now:yyyyMMdd-HHmmss}");
}
