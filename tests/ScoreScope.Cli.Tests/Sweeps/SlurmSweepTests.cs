using System.Diagnostics;
using ScoreScope.Sweeps;
using ScoreScope.Tests.Cli;

namespace ScoreScope.Tests.Sweeps;

/// <summary>
/// The Slurm backend against a real single-node cluster (tests/slurm/start-cluster.sh): a 12-point sweep (3 samplers ×
/// 4 seeds) runs as one job array through <c>scorescope sweep run --backend slurm</c> and its table equals the local
/// backend's; a task cancelled with scancel is reported as exactly that failed point and a rerun completes it.
/// </summary>
public sealed class SlurmSweepTests : IDisposable
{
    readonly CliHarness _dir = new();

    public void Dispose() => _dir.Dispose();

    const string Samplers = """
        { "name": "slurm-samplers", "command": "sample", "options": { "data": "gmm8", "n": 300, "steps": 8 },
          "axes": [ { "grid": { "sampler": ["heun", "euler-maruyama", "pc"] } }, { "seeds": [1, 2, 3, 4] } ] }
        """;

    [SlurmFact]
    public void A_job_array_sweep_lands_every_point_with_the_local_backends_table()
    {
        string file = _dir.PathOf("samplers.json");
        File.WriteAllText(file, Samplers);
        var slurm = CliProcess.Run(_dir.Root, "sweep", "run", file, "--out", _dir.PathOf("slurm"), "--backend", "slurm", "--threads", "1");
        Assert.True(slurm.ExitCode == 0, $"{slurm.Output}\n{slurm.Error}");
        Assert.Contains("12 point(s): 12 done, 0 failed", slurm.Output, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(_dir.PathOf("slurm", "slurm"), "*.sbatch"));

        var local = CliProcess.Run(_dir.Root, "sweep", "run", file, "--out", _dir.PathOf("local"), "--workers", "2", "--threads", "1");
        Assert.True(local.ExitCode == 0, $"{local.Output}\n{local.Error}");
        var a = CliProcess.Table(SweepFolder.OpenExisting(_dir.PathOf("slurm")));
        var b = CliProcess.Table(SweepFolder.OpenExisting(_dir.PathOf("local")));
        Assert.Equal(12, a.Count);
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        foreach (var id in a.Keys) Assert.Equal(b[id].OrderBy(kv => kv.Key), a[id].OrderBy(kv => kv.Key));
    }

    [SlurmFact]
    public async Task A_cancelled_array_task_is_that_failed_point_and_a_rerun_completes_only_it()
    {
        string file = _dir.PathOf("cancel.json");
        File.WriteAllText(file, """
            { "name": "slurm-cancel", "command": "sample", "options": { "data": "gmm8", "n": 300, "sampler": "heun", "seed": 3 },
              "axes": [ { "grid": { "steps": [8, 3000, 16] } } ] }
            """);
        var sweep = SweepFile.Load(file);
        var points = SweepPlan.Expand(sweep);
        var folder = SweepFolder.Create(_dir.PathOf("out"), sweep, points);
        var backend = new SlurmSweepBackend(new SlurmOptions(CpusPerTask: 1));
        var job = backend.Submit(backend.Write(folder, sweep.Name, points, CliProcess.Launcher));
        // Cancel task 1 (3000 Heun steps, about ten seconds) once it runs.
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(120) && !IsRunning($"{job.JobId}_1")) Thread.Sleep(200);
        Assert.True(IsRunning($"{job.JobId}_1"), "array task 1 never ran");
        Thread.Sleep(1500);
        Tool("scancel", $"{job.JobId}_1");
        var statuses = await backend.WaitAsync(job, folder, TimeSpan.FromSeconds(1), null, CancellationToken.None);

        var failed = Assert.Single(statuses, s => s.State == SweepPointState.Failed);
        Assert.Equal(points[1].Id, failed.Id);
        Assert.True(failed.Interrupted, failed.Reason);
        Assert.Equal([points[1].Id], folder.Pending(points, retryFailed: false).Select(p => p.Id));

        var rerun = CliProcess.Run(_dir.Root, "sweep", "run", file, "--out", _dir.PathOf("out"), "--backend", "slurm");
        Assert.True(rerun.ExitCode == 0, $"{rerun.Output}\n{rerun.Error}");
        Assert.Contains("(1 array task(s)", rerun.Output, StringComparison.Ordinal);
        Assert.Contains("3 point(s): 3 done, 0 failed", rerun.Output, StringComparison.Ordinal);
    }

    static bool IsRunning(string task) => Tool("squeue", $"-h -t R -o %i").Split('\n').Any(l => l.Trim() == task);

    static string Tool(string name, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(name, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        string output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
