namespace ScoreScope.Runs;

/// <summary>How <see cref="RunFolder.Write{T}"/> and <see cref="RunFolder.Resume{T}"/> treat a run.</summary>
public sealed record RunFolderOptions
{
    /// <summary>The command writing the run, recorded in its lock (e.g. "train").</summary>
    public string Command { get; init; } = "run";

    /// <summary>
    /// Given the partial folder after a failure, whether it holds work that a resume can continue (e.g. a training
    /// checkpoint); such a folder is kept, unlocked, instead of removed. Null: never resumable.
    /// </summary>
    public Func<string, bool>? IsResumable { get; init; }

    /// <summary>Called with each stale partial folder found beside the target (reported, or removed when it is the target's own).</summary>
    public Action<RunFolderEntry>? OnStale { get; init; }

    /// <summary>
    /// Called with the folder being written after the run's own writing succeeded and before the folder is committed
    /// (renamed to its target), e.g. to write a report of everything in it. An exception fails the run like any other.
    /// </summary>
    public Action<string>? Finish { get; init; }
}
