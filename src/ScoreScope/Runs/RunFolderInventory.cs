using ScoreScope.Training;

namespace ScoreScope.Runs;

/// <summary>
/// The runs of a parent folder with their state (<see cref="List"/>) and the removal of what crashed runs left behind
/// (<see cref="Clean"/>): partial folders of dead processes, folders left half-replaced, and temporary files or dead
/// locks inside final folders.
/// </summary>
public static class RunFolderInventory
{
    const string ReplacedInfix = ".replaced-";

    /// <summary>Lists the run folders, partial folders and leftovers directly inside <paramref name="parent"/> (sorted by name).</summary>
    /// <exception cref="RunFolderException">When <paramref name="parent"/> is not a readable folder.</exception>
    public static IReadOnlyList<RunFolderEntry> List(string parent)
    {
        string full = Path.GetFullPath(parent);
        if (!Directory.Exists(full))
            throw new RunFolderException(parent, RunFolderProblem.NothingToResume, "is not a folder");
        var entries = new List<RunFolderEntry>();
        foreach (var folder in Directory.EnumerateDirectories(full).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(folder);
            if (RunFolder.TargetNameOfPartial(name) is { } targetName)
            {
                var holder = RunLock.Read(folder);
                var state = holder is { IsAlive: true } ? RunFolderState.InProgress : RunFolderState.Stale;
                entries.Add(new RunFolderEntry(folder, Path.Combine(full, targetName), state, holder, IsResumable(folder), []));
            }
            else if (name.StartsWith('.') && name.Contains(ReplacedInfix, StringComparison.Ordinal))
            {
                string target = Path.Combine(full, name[1..name.IndexOf(ReplacedInfix, StringComparison.Ordinal)]);
                entries.Add(new RunFolderEntry(folder, target, RunFolderState.Stale, null, Resumable: false, []));
            }
            else if (File.Exists(Path.Combine(folder, RunFolder.MarkerFile)))
            {
                var holder = RunLock.Read(folder);
                var stray = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                    .Where(f => AtomicFile.IsTemporary(Path.GetFileName(f))).ToList();
                if (holder is { IsAlive: true })
                {
                    entries.Add(new RunFolderEntry(folder, folder, RunFolderState.InProgress, holder, Resumable: false, []));
                    continue;
                }
                if (File.Exists(Path.Combine(folder, RunLock.FileName))) stray.Add(Path.Combine(folder, RunLock.FileName));
                bool stopped = File.Exists(Path.Combine(folder, Trainer.CheckpointFileName)) &&
                    !File.Exists(Path.Combine(folder, Trainer.ModelFileName));
                entries.Add(new RunFolderEntry(folder, folder, stopped ? RunFolderState.Stopped : RunFolderState.Complete, holder,
                    stopped, stray));
            }
        }
        return entries;
    }

    /// <summary>
    /// Removes stale partial folders and half-replaced leftovers of dead processes, and temporary files and dead locks
    /// from final folders, in <paramref name="parent"/>; never touches a folder whose writer is alive.
    /// </summary>
    /// <returns>The removed folders and files.</returns>
    public static IReadOnlyList<string> Clean(string parent)
    {
        var removed = new List<string>();
        foreach (var entry in List(parent))
        {
            if (entry.State == RunFolderState.Stale && entry.IsPartial)
            {
                // Take the lock first, so that a resume starting right now is not deleted under its feet.
                try
                {
                    using var taken = RunLock.Acquire(entry.Path, "runs clean");
                }
                catch (RunFolderException)
                {
                    continue;
                }
                RunFolder.TryDelete(entry.Path);
                if (!Directory.Exists(entry.Path)) removed.Add(entry.Path);
            }
            else if (!entry.IsPartial && entry.State != RunFolderState.InProgress)
            {
                foreach (var file in entry.StrayFiles)
                {
                    File.Delete(file);
                    removed.Add(file);
                }
            }
        }
        return removed;
    }

    /// <summary>Whether a partial folder holds training work a resume can continue: a checkpoint or model, or the
    /// config.json and metrics.csv of a training run killed before its first checkpoint (restarted from step 0).</summary>
    internal static bool IsResumable(string folder) =>
        File.Exists(Path.Combine(folder, Trainer.CheckpointFileName)) || File.Exists(Path.Combine(folder, Trainer.ModelFileName)) ||
        File.Exists(Path.Combine(folder, RunFolder.MarkerFile)) && File.Exists(Path.Combine(folder, Trainer.MetricsFileName));
}
