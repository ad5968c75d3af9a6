using System.Diagnostics;
using ScoreScope.Sweeps;

namespace ScoreScope.Tests.Sweeps;

/// <summary>The built <c>scorescope</c> program beside the tests (ScoreScope.Cli.dll, run by <c>dotnet</c>), as a child process.</summary>
internal static class CliProcess
{
    public static string Assembly => Path.Combine(AppContext.BaseDirectory, "ScoreScope.Cli.dll");

    public static SweepLauncher Launcher => SweepLauncher.ForAssembly(Assembly);

    /// <summary>Runs <c>scorescope ARGS</c> in <paramref name="workingDirectory"/>; returns exit code, stdout and stderr.</summary>
    public static (int ExitCode, string Output, string Error) Run(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Assembly);
        foreach (string a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scorescope {string.Join(' ', args)} ran longer than 5 minutes");
        }
        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>The results table of a collected sweep without the wall-clock columns, by point id.</summary>
    public static Dictionary<string, Dictionary<string, string>> Table(SweepFolder folder)
    {
        var table = SweepTable.Collect(folder);
        return table.Rows.ToDictionary(r => r["id"], r => r.Where(kv => kv.Key is not ("seconds" or "reason")
            && !kv.Key.Contains("second", StringComparison.Ordinal) && !kv.Key.Contains("elapsed", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key, kv => kv.Value));
    }
}
