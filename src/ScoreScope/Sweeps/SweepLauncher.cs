namespace ScoreScope.Sweeps;

/// <summary>
/// How to start the <c>scorescope</c> program for one point: an executable and the arguments that come before the
/// point's own (e.g. <c>dotnet</c> with the path of <c>ScoreScope.Cli.dll</c>).
/// </summary>
/// <param name="FileName">The executable.</param>
/// <param name="Prefix">Arguments placed before the command.</param>
public sealed record SweepLauncher(string FileName, IReadOnlyList<string> Prefix)
{
    /// <summary>
    /// The running program itself: its executable, and when that is the <c>dotnet</c> host, the entry assembly as the
    /// first argument.
    /// </summary>
    /// <exception cref="InvalidOperationException">When the process path or entry assembly is unknown.</exception>
    public static SweepLauncher CurrentProgram()
    {
        string process = Environment.ProcessPath ?? throw new InvalidOperationException("the path of the running program is unknown");
        string name = Path.GetFileNameWithoutExtension(process);
        if (name.Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            string entry = System.Reflection.Assembly.GetEntryAssembly()?.Location
                ?? throw new InvalidOperationException("the entry assembly of the running program is unknown");
            return new SweepLauncher(process, [entry]);
        }
        return new SweepLauncher(process, []);
    }

    /// <summary>The launcher for a built <c>ScoreScope.Cli.dll</c> at <paramref name="cliAssembly"/>, run by <c>dotnet</c>.</summary>
    public static SweepLauncher ForAssembly(string cliAssembly) => new("dotnet", [Path.GetFullPath(cliAssembly)]);

    /// <summary>The full command line as one shell-quoted string (for scripts).</summary>
    public string ShellCommand(IEnumerable<string> arguments) =>
        string.Join(' ', new[] { FileName }.Concat(Prefix).Concat(arguments).Select(ShellQuote));

    /// <summary><paramref name="word"/> quoted for a POSIX shell when it needs it.</summary>
    public static string ShellQuote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,+@%".Contains(c)) ? word : "'" + word.Replace("'", "'\\''") + "'";
}
