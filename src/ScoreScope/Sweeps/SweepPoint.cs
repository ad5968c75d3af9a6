using System.Security.Cryptography;
using System.Text;

namespace ScoreScope.Sweeps;

/// <summary>
/// One point of a sweep: the command and its full option set. <see cref="Id"/> is a stable hash of exactly these, so that
/// editing a sweep file (adding seeds, a value) does not renumber the points already run.
/// </summary>
public sealed record SweepPoint
{
    /// <summary>Creates the point of <paramref name="command"/> with <paramref name="options"/>.</summary>
    public SweepPoint(IReadOnlyList<string> command, IReadOnlyDictionary<string, string> options)
    {
        Command = command;
        Options = new SortedDictionary<string, string>(options.ToDictionary(), StringComparer.Ordinal);
        Id = IdOf(command, Options);
    }

    /// <summary>The first 12 hex digits of the SHA-256 of the command and the sorted <c>name=value</c> lines.</summary>
    public string Id { get; }

    /// <summary>The scorescope command words.</summary>
    public IReadOnlyList<string> Command { get; }

    /// <summary>Every option of the point, by name without dashes, sorted.</summary>
    public IReadOnlyDictionary<string, string> Options { get; }

    /// <summary>
    /// The command line after the program name: the command, then each option (<c>--name value</c>; a <c>true</c> flag
    /// as <c>--name</c>, a <c>false</c> one omitted; <c>set:NAME</c> as <c>--set NAME=value</c>), then <c>--out</c>
    /// <paramref name="folder"/>, and <c>--force</c> when <paramref name="force"/>.
    /// </summary>
    public IReadOnlyList<string> Arguments(string folder, bool force = false, int? threads = null)
    {
        var arguments = new List<string>(Command);
        foreach (var (name, value) in Options)
        {
            if (name.StartsWith("set:", StringComparison.Ordinal))
            {
                arguments.Add("--set");
                arguments.Add($"{name[4..]}={value}");
            }
            else if (value == "true")
            {
                arguments.Add("--" + name);
            }
            else if (value != "false")
            {
                arguments.Add("--" + name);
                arguments.Add(value);
            }
        }
        if (threads is { } t && !Options.ContainsKey("threads"))
        {
            arguments.Add("--threads");
            arguments.Add(t.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        arguments.Add("--out");
        arguments.Add(folder);
        if (force) arguments.Add("--force");
        return arguments;
    }

    static string IdOf(IReadOnlyList<string> command, IReadOnlyDictionary<string, string> options)
    {
        var text = new StringBuilder(string.Join(' ', command)).Append('\n');
        foreach (var (name, value) in options) text.Append(name).Append('=').Append(value).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..12];
    }
}
