using System.CommandLine;
using ScoreScope.Cli;
using ScoreScope.Cli.Terminal;

namespace ScoreScope.Tests.Cli;

/// <summary>
/// Property-based fuzzing of every numeric option of every command (issue 12, deliverable 6): 10 000 seeded cases, each
/// a random command (nested subcommands included) with one to three of its integer, number or seed options set to values
/// no numeric option accepts (empty, NaN, ±∞, overflow, hexadecimal, locale digits, control characters, …). Every case
/// must be rejected like any bad input: exit code 2, exactly one line on stderr naming one of the fuzzed options, no
/// stack trace, nothing on stdout and no run folder created.
/// </summary>
public sealed class NumericOptionFuzzTests : IDisposable
{
    const int Seed = 1212;
    /// <summary>
    /// 10 000 cases in the suite; the longer target sets <c>SCORESCOPE_FUZZ_CASES</c> (e.g. 200000) and runs
    /// <c>dotnet test --filter FullyQualifiedName~Fuzz</c> (the seed stays fixed, so a longer run extends the same sequence).
    /// </summary>
    static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("SCORESCOPE_FUZZ_CASES"), out int cases) && cases > 0 ? cases : 10_000;

    static readonly string[] Garbage =
    [
        "", " ", "nan", "NaN", "inf", "-inf", "Infinity", "1e999", "-1e999", "0x1F", "1,5", "1.5.2", "٣", "1e", "e5", "abc",
        "1\u001b[31m", "\u0007", "+-1", "1_000", "½", "1 2", "--1", "∞", "0b101", "1e1e1", "0..5",
    ];

    readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    static List<(string[] Path, Option[] Options)> NumericCommands()
    {
        var root = ScoreScopeApp.BuildRootCommand(new CliConsole(TextWriter.Null, TextWriter.Null, interactive: false));
        var result = new List<(string[], Option[])>();
        void Visit(Command command, string[] path)
        {
            var numeric = command.Options.Where(o => !o.Hidden && o.ValueType is var t && (t == typeof(int) || t == typeof(double) || t == typeof(ulong) || t == typeof(long))).ToArray();
            if (numeric.Length > 0) result.Add((path, numeric));
            foreach (var child in command.Subcommands.Where(c => !c.Hidden)) Visit(child, [.. path, child.Name]);
        }
        foreach (var command in root.Subcommands) Visit(command, [command.Name]);
        return result;
    }

    [Fact]
    public void Every_garbage_value_of_every_numeric_option_is_one_line_exit_2_and_nothing_written()
    {
        var commands = NumericCommands();
        Assert.True(commands.Count >= 10, $"found only {commands.Count} commands with numeric options");
        var random = new Random(Seed);
        var failures = new List<string>();
        int checkedCases = 0;
        for (int i = 0; i < Cases && failures.Count < 5; i++)
        {
            var (path, options) = commands[random.Next(commands.Count)];
            int count = 1 + random.Next(Math.Min(3, options.Length));
            var chosen = options.OrderBy(_ => random.Next()).Take(count).ToArray();
            string output = _cli.PathOf($"case-{i}");
            var args = new List<string>(path);
            foreach (var option in chosen) args.AddRange([option.Name, Garbage[random.Next(Garbage.Length)]]);
            if (path[0] != "runs") args.AddRange(["--out", output]);
            var result = CliHarness.Run([.. args]);
            checkedCases++;
            string line = string.Join(" | ", result.ErrorLines);
            bool ok = result.ExitCode == 2 && result.ErrorLines.Length == 1 && chosen.Any(o => line.Contains(o.Name, StringComparison.Ordinal))
                && !result.Error.Contains("   at ", StringComparison.Ordinal) && result.Output.Length == 0 && !Directory.Exists(output)
                && !result.Error.Any(c => c is '\u001b' or '\u0007');
            if (!ok) failures.Add($"case {i}: scorescope {string.Join(' ', args.Select(a => a.Length == 0 ? "''" : a))} → exit {result.ExitCode}, stderr: {line}, stdout: {result.Output.Length} chars");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} failing case(s) (seed {Seed}) among {checkedCases}:\n{string.Join("\n", failures)}");
        Assert.Equal(Cases, checkedCases);
    }
}
