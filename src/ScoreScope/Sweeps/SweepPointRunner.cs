using System.Diagnostics;
using System.Globalization;

namespace ScoreScope.Sweeps;

/// <summary>
/// Runs one sweep point as a child <c>scorescope</c> process with its output in the point's log, and records the
/// outcome (<see cref="SweepPointStatus"/>) in the sweep folder. Used by the local workers and by each Slurm array task,
/// so that a point runs the same way on a laptop and on a cluster.
/// </summary>
public static class SweepPointRunner
{
    /// <summary>Lines of output kept in a failed point's status.</summary>
    public const int LogTailLines = 20;

    /// <summary>
    /// Runs <paramref name="point"/> into <paramref name="folder"/> and records its status. Cancelling kills the child
    /// (and its children) and records an interrupted failure with <paramref name="cancelReason"/>.
    /// </summary>
    public static async Task<SweepPointStatus> RunAsync(SweepPoint point, SweepFolder folder, SweepLauncher launcher, int? threads,
        string backend, CancellationToken cancellationToken, string cancelReason = "cancelled (the sweep was interrupted)")
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(launcher);
        var start = new ProcessStartInfo(launcher.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = folder.Path,
        };
        foreach (string a in launcher.Prefix.Concat(point.Arguments(folder.PointFolder(point.Id), folder.NeedsForce(point.Id), threads))) start.ArgumentList.Add(a);
        start.Environment["SCORESCOPE_SWEEP_POINT"] = point.Id;
        DateTime started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        int? exitCode = null;
        string reason;
        bool interrupted;
        await using (var log = new StreamWriter(folder.LogFile(point.Id), append: false) { AutoFlush = true })
        {
            await log.WriteLineAsync($"# {started:O} {launcher.ShellCommand(start.ArgumentList.Skip(launcher.Prefix.Count))}").ConfigureAwait(false);
            var gate = new object();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (gate) log.WriteLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (gate) log.WriteLine(e.Data); };
            try
            {
                process.Start();
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
            {
                var failed = Status(point.Id, SweepPointState.Failed, null, $"could not start '{launcher.FileName}': {e.Message}", false, backend, started, clock, null);
                folder.WriteStatus(failed);
                return failed;
            }
            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                exitCode = process.ExitCode;
                (reason, interrupted) = Describe(exitCode.Value);
            }
            catch (OperationCanceledException)
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                reason = cancelReason;
                interrupted = true;
            }
            process.WaitForExit(); // drain the output events
        }
        var state = exitCode == 0 && File.Exists(Path.Combine(folder.PointFolder(point.Id), Runs.RunFolder.MarkerFile))
            ? SweepPointState.Done : SweepPointState.Failed;
        if (exitCode == 0 && state == SweepPointState.Failed) reason = "exit code 0 but no complete run folder";
        var status = Status(point.Id, state, exitCode, state == SweepPointState.Done ? "completed" : reason, interrupted, backend, started, clock,
            state == SweepPointState.Done ? null : Tail(folder.LogFile(point.Id)));
        folder.WriteStatus(status);
        return status;
    }

    /// <summary>The reason for exit code <paramref name="exitCode"/>, and whether it was an interruption (a signal).</summary>
    public static (string Reason, bool Interrupted) Describe(int exitCode) => exitCode switch
    {
        0 => ("completed", false),
        1 => ("exit code 1 (run-time failure)", false),
        2 => ("exit code 2 (bad input)", false),
        3 => ("exit code 3 (a claim failed under --check)", false),
        > 128 and <= 128 + 64 => ($"killed by signal {exitCode - 128} ({SignalName(exitCode - 128)}; exit code {exitCode})", true),
        _ => ($"exit code {exitCode}", false),
    };

    static string SignalName(int signal) => signal switch
    {
        1 => "SIGHUP", 2 => "SIGINT", 6 => "SIGABRT", 9 => "SIGKILL", 11 => "SIGSEGV", 15 => "SIGTERM",
        _ => "signal " + signal.ToString(CultureInfo.InvariantCulture),
    };

    static SweepPointStatus Status(string id, SweepPointState state, int? exitCode, string reason, bool interrupted, string backend,
        DateTime started, Stopwatch clock, string? tail) =>
        new(id, state, exitCode, reason, interrupted, backend, started.ToString("O", CultureInfo.InvariantCulture),
            DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture), Math.Round(clock.Elapsed.TotalSeconds, 3), tail);

    /// <summary>The last <see cref="LogTailLines"/> lines of <paramref name="log"/> (empty when unreadable).</summary>
    public static string Tail(string log)
    {
        try
        {
            return string.Join('\n', File.ReadLines(log).TakeLast(LogTailLines));
        }
        catch (IOException)
        {
            return "";
        }
    }
}
