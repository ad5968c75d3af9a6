using System.Diagnostics;
using System.Globalization;
using System.Text;
using ScoreScope.Runs;

namespace ScoreScope.Sweeps;

/// <summary>
/// Runs sweep points as one Slurm job array: a script whose array task i runs the i-th pending point through
/// <c>scorescope sweep task</c> (the same <see cref="SweepPointRunner"/> as the local backend), submitted with
/// <c>sbatch</c>; optionally waits (polling <c>squeue</c>) and records every task that left no status (cancelled,
/// killed, time limit, node lost) as an interrupted failure.
/// </summary>
public sealed class SlurmSweepBackend
{
    readonly SlurmOptions _options;
    readonly string _sbatch;
    readonly string _squeue;

    /// <summary>Creates the backend; <paramref name="sbatch"/> and <paramref name="squeue"/> name the Slurm programs.</summary>
    public SlurmSweepBackend(SlurmOptions options, string sbatch = "sbatch", string squeue = "squeue")
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _sbatch = sbatch;
        _squeue = squeue;
    }

    /// <summary>
    /// Writes the job script and task list for <paramref name="points"/> into <c>DIR/slurm/</c> (atomically) and returns
    /// the job (not submitted). The script is usable by hand: <c>sbatch DIR/slurm/NAME.sbatch</c>.
    /// </summary>
    public SlurmJob Write(SweepFolder folder, string sweepName, IReadOnlyList<SweepPoint> points, SweepLauncher launcher)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (points.Count == 0) throw new ArgumentException("no points to submit", nameof(points));
        var now = DateTime.UtcNow;
        string stamp = now.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture);
        string directory = Directory.CreateDirectory(Path.Combine(folder.Path, "slurm")).FullName;
        string taskFile = Path.Combine(directory, $"{stamp}.tasks");
        string script = Path.Combine(directory, $"{stamp}.sbatch");
        AtomicFile.WriteAllText(taskFile, string.Join('\n', points.Select(p => p.Id)) + "\n");
        AtomicFile.WriteAllText(script, Script(folder, sweepName, points.Count, taskFile, launcher));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        return new SlurmJob(null, script, taskFile, points.Select(p => p.Id).ToArray(), now);
    }

    /// <summary>The job script's text.</summary>
    public string Script(SweepFolder folder, string sweepName, int tasks, string taskFile, SweepLauncher launcher)
    {
        var text = new StringBuilder("#!/bin/bash\n");
        void Directive(string line) => text.Append("#SBATCH ").Append(line).Append('\n');
        Directive($"--job-name=scorescope-{sweepName}");
        Directive($"--array=0-{tasks - 1}" + (_options.ArrayThrottle is { } k ? $"%{k}" : ""));
        Directive($"--output={Path.Combine(folder.Path, "logs", "slurm-%A_%a.out")}");
        Directive("--ntasks=1");
        if (_options.CpusPerTask is { } cpus) Directive($"--cpus-per-task={cpus}");
        if (_options.Partition is { } partition) Directive($"--partition={partition}");
        if (_options.Time is { } time) Directive($"--time={time}");
        if (_options.Memory is { } memory) Directive($"--mem={memory}");
        if (_options.Account is { } account) Directive($"--account={account}");
        if (_options.Gpus is { } gpus) Directive($"--gpus={gpus}");
        foreach (string line in _options.ExtraLines ?? []) Directive(line);
        text.Append("# One point per array task, run exactly as the local backend runs it (scorescope sweep task).\n");
        text.Append("set -u\n");
        var arguments = new List<string> { "sweep", "task", folder.Path, "--tasks", taskFile, "--index" };
        string command = launcher.ShellCommand(arguments) + " \"$SLURM_ARRAY_TASK_ID\"";
        if (_options.CpusPerTask is { } threads) command += $" --threads {threads}";
        text.Append("exec ").Append(command).Append('\n');
        return text.ToString();
    }

    /// <summary>Submits <paramref name="job"/> with <c>sbatch --parsable</c> and returns it with its job id.</summary>
    /// <exception cref="SlurmException">When sbatch is missing or refuses the script.</exception>
    public SlurmJob Submit(SlurmJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var (code, output, error) = RunTool(_sbatch, ["--parsable", job.Script]);
        if (code != 0) throw new SlurmException($"sbatch refused {job.Script} (exit {code}): {FirstLine(error, output)}");
        string id = output.Trim().Split(';')[0];
        if (id.Length == 0 || !id.All(char.IsAsciiDigit)) throw new SlurmException($"sbatch printed no job id: {FirstLine(output, error)}");
        return job with { JobId = id };
    }

    /// <summary>
    /// Waits until <paramref name="job"/> has left the queue (polling squeue every <paramref name="poll"/>), then records
    /// every task that wrote no status since submission as an interrupted failure. Returns the statuses by array index.
    /// </summary>
    public async Task<IReadOnlyList<SweepPointStatus>> WaitAsync(SlurmJob job, SweepFolder folder, TimeSpan poll,
        IProgress<SweepProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(folder);
        string jobId = job.JobId ?? throw new ArgumentException("the job was not submitted", nameof(job));
        while (true)
        {
            var (code, output, _) = RunTool(_squeue, ["-h", "-j", jobId, "-o", "%i"]);
            var fresh = job.PointIds.Select(id => Fresh(folder, id, job.Submitted)).ToArray();
            progress?.Report(new SweepProgress(job.PointIds.Count, fresh.Count(s => s?.State == SweepPointState.Done),
                fresh.Count(s => s?.State == SweepPointState.Failed), null));
            if (code != 0 || output.Trim().Length == 0) break;
            await Task.Delay(poll, cancellationToken).ConfigureAwait(false);
        }
        var statuses = new List<SweepPointStatus>();
        for (int i = 0; i < job.PointIds.Count; i++)
        {
            string id = job.PointIds[i];
            var status = Fresh(folder, id, job.Submitted);
            if (status is null)
            {
                status = new SweepPointStatus(id, SweepPointState.Failed, null,
                    $"slurm task {jobId}_{i} left no status (cancelled, killed, time limit or node lost)", true, $"slurm {jobId}_{i}", null,
                    DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture), null, SweepPointRunner.Tail(Path.Combine(folder.Path, "logs", $"slurm-{jobId}_{i}.out")));
                folder.WriteStatus(status);
            }
            statuses.Add(status);
        }
        return statuses;
    }

    static SweepPointStatus? Fresh(SweepFolder folder, string id, DateTime submitted)
    {
        var status = folder.ReadStatus(id);
        return status is not null && DateTime.TryParse(status.Ended, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var ended)
            && ended.ToUniversalTime() >= submitted.AddSeconds(-1) ? status : null;
    }

    static (int Code, string Output, string Error) RunTool(string tool, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in arguments) start.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return (process.ExitCode, output.Result, error.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new SlurmException($"'{tool}' cannot be run ({e.Message}); is Slurm installed and on PATH?", e);
        }
    }

    static string FirstLine(params string[] texts) =>
        texts.Select(t => t.Trim()).FirstOrDefault(t => t.Length > 0)?.Split('\n')[0] ?? "(no output)";
}
