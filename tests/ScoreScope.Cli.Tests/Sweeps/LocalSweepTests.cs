using System.Diagnostics;
using ScoreScope.Sweeps;
using ScoreScope.Tests.Cli;

namespace ScoreScope.Tests.Sweeps;

/// <summary>
/// The local backend with real <c>scorescope</c> child processes: a sweep runs every point into its own run folder,
/// a rerun runs nothing, one worker and two give the same table, and a worker killed with SIGKILL is reported as
/// exactly that failed point, which a rerun completes (and only it).
/// </summary>
public sealed class LocalSweepTests : IDisposable
{
    readonly CliHarness _dir = new();

    public void Dispose() => _dir.Dispose();

    static SweepDefinition Sweep(string axes) => SweepFile.Parse($$"""
        { "name": "local", "command": "sample", "options": { "data": "gmm8", "sampler": "heun" }, "axes": [ {{axes}} ] }
        """, "local.json");

    [Fact]
    public async Task Points_run_once_and_the_table_does_not_depend_on_the_worker_count()
    {
        var sweep = Sweep("""{ "grid": { "n": [200, 300] } }, { "seeds": [1, 2] }, { "grid": { "steps": [8] } }""");
        var points = SweepPlan.Expand(sweep);
        var two = SweepFolder.Create(_dir.PathOf("two"), sweep, points);
        var statuses = await new LocalSweepBackend(2, 1).RunAsync(points, two, CliProcess.Launcher, null, CancellationToken.None);
        Assert.Equal(4, statuses.Count);
        Assert.All(statuses, s => Assert.True(s.State == SweepPointState.Done, $"{s.Id}: {s.Reason}\n{s.LogTail}"));
        Assert.All(points, p => Assert.True(File.Exists(Path.Combine(two.PointFolder(p.Id), "metrics.json")), p.Id));
        Assert.Empty(two.Pending(points, retryFailed: true));

        var one = SweepFolder.Create(_dir.PathOf("one"), sweep, points);
        await new LocalSweepBackend(1, 1).RunAsync(points, one, CliProcess.Launcher, null, CancellationToken.None);
        var a = CliProcess.Table(two);
        var b = CliProcess.Table(one);
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        foreach (var id in a.Keys) Assert.Equal(a[id].OrderBy(kv => kv.Key), b[id].OrderBy(kv => kv.Key));
        Assert.Contains(a.Values, row => row.ContainsKey("metric.energy-distance.statistic"));
    }

    [Fact]
    public async Task A_worker_killed_with_sigkill_is_that_failed_point_and_a_rerun_completes_only_it()
    {
        // The victim integrates 3000 Heun steps (about ten seconds); the other 8.
        var sweep = Sweep("""{ "grid": { "steps": [8, 3000] } }, { "seeds": [1] }, { "grid": { "n": [300] } }""");
        var points = SweepPlan.Expand(sweep);
        var victim = points.Single(p => p.Options["steps"] == "3000");
        var folder = SweepFolder.Create(_dir.PathOf("killed"), sweep, points);
        var run = new LocalSweepBackend(2, 1).RunAsync(points, folder, CliProcess.Launcher, null, CancellationToken.None);
        int? pid = null;
        var clock = Stopwatch.StartNew();
        while (pid is null && clock.Elapsed < TimeSpan.FromSeconds(60) && !run.IsCompleted)
        {
            pid = ChildOf(victim.Id);
            if (pid is null) Thread.Sleep(50);
        }
        Assert.True(pid is not null, "the victim's process was not found");
        Process.GetProcessById(pid.Value).Kill(); // SIGKILL
        var statuses = await run;

        var failed = Assert.Single(statuses, s => s.State == SweepPointState.Failed);
        Assert.Equal(victim.Id, failed.Id);
        Assert.Contains("killed by signal 9 (SIGKILL", failed.Reason, StringComparison.Ordinal);
        Assert.True(failed.Interrupted);
        var pending = folder.Pending(points, retryFailed: false);
        Assert.Equal([victim.Id], pending.Select(p => p.Id));

        var rerun = await new LocalSweepBackend(2, 1).RunAsync(pending, folder, CliProcess.Launcher, null, CancellationToken.None);
        var done = Assert.Single(rerun);
        Assert.True(done.State == SweepPointState.Done, $"{done.Reason}\n{done.LogTail}");
        Assert.Empty(folder.Pending(points, retryFailed: true));
        Assert.False(Directory.Exists(ScoreScope.Runs.RunFolder.PartialPathOf(folder.PointFolder(victim.Id))), "the killed run's partial folder is left");
    }

    /// <summary>The pid of the scorescope child whose command line writes point <paramref name="id"/>.</summary>
    static int? ChildOf(string id)
    {
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid)) continue;
            try
            {
                string commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains("ScoreScope.Cli.dll sample", StringComparison.Ordinal) && commandLine.Contains("points/" + id, StringComparison.Ordinal))
                    return pid;
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return null;
    }
}
