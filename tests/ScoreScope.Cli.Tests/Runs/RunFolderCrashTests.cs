using ScoreScope.Runs;
using ScoreScope.Tests.Cli;
using ScoreScope.Training;

namespace ScoreScope.Tests.Runs;

/// <summary>
/// Crash safety of <see cref="RunFolder"/>: the lock in the partial folder, adoption of a dead writer's partial folder
/// by <see cref="RunFolder.Resume{T}"/>, stale folders reported and cleaned, temporary files kept out of final folders.
/// A dead writer is simulated by a lock naming a process id above Linux's pid_max (no such process exists).
/// </summary>
public sealed class RunFolderCrashTests : IDisposable
{
    const int DeadProcessId = 1_073_741_823;
    readonly CliHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    static void LeaveCrashedPartial(string target, bool withCheckpoint)
    {
        string partial = Directory.CreateDirectory(RunFolder.PartialPathOf(target)).FullName;
        File.WriteAllText(Path.Combine(partial, RunLock.FileName),
            new RunLockInfo(DeadProcessId, Environment.MachineName, DateTime.UtcNow, DateTime.UtcNow, "train").ToJson());
        File.WriteAllText(Path.Combine(partial, "config.json"), "{}");
        if (withCheckpoint) File.WriteAllText(Path.Combine(partial, Trainer.CheckpointFileName), "good");
        File.WriteAllText(Path.Combine(partial, $".{Trainer.CheckpointFileName}.{DeadProcessId}.tmp"), "half");
    }

    [Fact]
    public void The_partial_folder_holds_a_lock_naming_this_process_and_the_final_folder_has_no_lock()
    {
        string target = _harness.PathOf("runs", "a");
        RunFolder.Write(target, force: false, folder =>
        {
            var holder = RunLock.Read(folder);
            Assert.NotNull(holder);
            Assert.Equal(Environment.ProcessId, holder.ProcessId);
            Assert.Equal(Environment.MachineName, holder.Host);
            File.WriteAllText(Path.Combine(folder, "config.json"), "{}");
            File.WriteAllText(Path.Combine(folder, ".metrics.csv.999.tmp"), "stray");
            return 0;
        }, new RunFolderOptions { Command = "test" });

        Assert.Equal(["runs", Path.Combine("runs", "a"), Path.Combine("runs", "a", "config.json")], _harness.Entries());
    }

    [Fact]
    public void A_second_writer_of_the_same_target_is_refused_naming_the_holder_pid()
    {
        string target = _harness.PathOf("runs", "a");
        var error = RunFolder.Write(target, force: true, _ =>
            Assert.Throws<RunFolderException>(() => RunFolder.Write(target, force: true, _ => 0)));

        Assert.Equal(RunFolderProblem.Locked, error.Problem);
        Assert.Contains($"pid {Environment.ProcessId}", error.Message);
        var resume = Assert.Throws<RunFolderException>(() => RunFolder.Write(target, force: true, _ =>
            RunFolder.Resume(target, _ => 0)));
        Assert.Equal(RunFolderProblem.Locked, resume.Problem);
    }

    [Fact]
    public void Resume_adopts_a_dead_writers_partial_folder_and_renames_it_without_temporary_files()
    {
        string target = _harness.PathOf("runs", "a");
        LeaveCrashedPartial(target, withCheckpoint: true);

        string seen = RunFolder.Resume(target, folder =>
        {
            Assert.Equal(Environment.ProcessId, RunLock.Read(folder)!.ProcessId);
            Assert.Equal("good", File.ReadAllText(Path.Combine(folder, Trainer.CheckpointFileName)));
            return folder;
        });

        Assert.Equal(RunFolder.PartialPathOf(target), seen);
        Assert.Equal(["runs", Path.Combine("runs", "a"), Path.Combine("runs", "a", Trainer.CheckpointFileName),
            Path.Combine("runs", "a", "config.json")], _harness.Entries());
    }

    [Fact]
    public void A_failed_resume_keeps_the_partial_folder_unlocked_for_the_next_one()
    {
        string target = _harness.PathOf("runs", "a");
        LeaveCrashedPartial(target, withCheckpoint: true);

        Assert.Throws<IOException>(() => RunFolder.Resume<int>(target, _ => throw new IOException("No space left on device")));

        string partial = RunFolder.PartialPathOf(target);
        Assert.Equal("good", File.ReadAllText(Path.Combine(partial, Trainer.CheckpointFileName)));
        Assert.Null(RunLock.Read(partial));
        Assert.Equal(1, RunFolder.Resume(target, _ => 1));
        Assert.True(Directory.Exists(target));
    }

    [Fact]
    public void Resume_without_a_run_or_partial_folder_names_what_is_missing()
    {
        var error = Assert.Throws<RunFolderException>(() => RunFolder.Resume(_harness.PathOf("runs", "nothing"), _ => 0));
        Assert.Equal(RunFolderProblem.NothingToResume, error.Problem);
        Assert.Empty(_harness.Entries());
    }

    [Fact]
    public void A_new_run_over_a_stale_resumable_partial_is_refused_without_force_and_replaces_it_with_force()
    {
        string target = _harness.PathOf("runs", "a");
        LeaveCrashedPartial(target, withCheckpoint: true);

        var error = Assert.Throws<RunFolderException>(() => RunFolder.Write(target, force: false, _ => 0));
        Assert.Equal(RunFolderProblem.StalePartial, error.Problem);
        Assert.Contains($"pid {DeadProcessId}", error.Message);

        var stale = new List<RunFolderEntry>();
        RunFolder.Write(target, force: true, folder =>
        {
            Assert.False(File.Exists(Path.Combine(folder, Trainer.CheckpointFileName)));
            File.WriteAllText(Path.Combine(folder, "config.json"), "{}");
            return 0;
        }, new RunFolderOptions { OnStale = stale.Add });
        Assert.Single(stale);
        Assert.Equal(["runs", Path.Combine("runs", "a"), Path.Combine("runs", "a", "config.json")], _harness.Entries());
    }

    [Fact]
    public void Writes_into_the_same_parent_report_stale_partial_folders_and_runs_clean_removes_them()
    {
        LeaveCrashedPartial(_harness.PathOf("runs", "crashed"), withCheckpoint: false);
        var stale = new List<RunFolderEntry>();

        RunFolder.Write(_harness.PathOf("runs", "b"), force: false, folder =>
        {
            File.WriteAllText(Path.Combine(folder, "config.json"), "{}");
            return 0;
        }, new RunFolderOptions { OnStale = stale.Add });

        var entry = Assert.Single(stale);
        Assert.Equal(_harness.PathOf("runs", "crashed"), entry.Target);
        Assert.Equal(DeadProcessId, entry.Holder!.ProcessId);
        var listed = RunFolderInventory.List(_harness.PathOf("runs"));
        Assert.Equal([RunFolderState.Stale, RunFolderState.Complete], listed.Select(e => e.State));
        Assert.Equal([RunFolder.PartialPathOf(_harness.PathOf("runs", "crashed"))], RunFolderInventory.Clean(_harness.PathOf("runs")));
        Assert.Equal(["runs", Path.Combine("runs", "b"), Path.Combine("runs", "b", "config.json")], _harness.Entries());
    }

    [Fact]
    public void Runs_clean_never_touches_a_live_writer()
    {
        string target = _harness.PathOf("runs", "a");
        RunFolder.Write(target, force: false, folder =>
        {
            File.WriteAllText(Path.Combine(folder, "config.json"), "{}");
            Assert.Equal(RunFolderState.InProgress, Assert.Single(RunFolderInventory.List(_harness.PathOf("runs"))).State);
            Assert.Empty(RunFolderInventory.Clean(_harness.PathOf("runs")));
            return 0;
        });
        Assert.True(File.Exists(Path.Combine(target, "config.json")));
    }
}
