using ScoreScope.Cli;

namespace ScoreScope.Tests.Cli;

/// <summary>
/// Runs <c>scorescope</c> in-process with captured stdout/stderr (no terminal: no progress bars, no colours) inside a
/// private temporary folder that is deleted on dispose. Every path passed to the CLI is absolute, so the process's
/// current directory is never involved.
/// </summary>
internal sealed class CliHarness : IDisposable
{
    public CliHarness()
    {
        Root = Path.Combine(Path.GetTempPath(), "scorescope-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    /// <summary>The private temporary folder.</summary>
    public string Root { get; }

    /// <summary>An absolute path inside <see cref="Root"/>.</summary>
    public string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>Runs the CLI with <paramref name="args"/>.</summary>
    public static CliResult Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = ScoreScopeApp.Run(args, output, error);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Every file and folder under <see cref="Root"/>, relative, sorted (hidden temporary folders included).</summary>
    public string[] Entries() =>
        Directory.EnumerateFileSystemEntries(Root, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Root, p)).Order(StringComparer.Ordinal).ToArray();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
