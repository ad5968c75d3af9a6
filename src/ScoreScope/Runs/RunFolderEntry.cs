namespace ScoreScope.Runs;

/// <summary>One folder of a runs parent folder, as listed by <see cref="RunFolderInventory.List"/>.</summary>
/// <param name="Path">The folder's full path.</param>
/// <param name="Target">The full path of the run it is (or will be renamed to).</param>
/// <param name="State">Its state.</param>
/// <param name="Holder">The writer recorded in its lock, if any.</param>
/// <param name="Resumable">Whether it holds a training checkpoint a resume can continue.</param>
/// <param name="StrayFiles">Temporary files or a dead lock inside a final folder (removed by <see cref="RunFolderInventory.Clean"/>).</param>
public sealed record RunFolderEntry(string Path, string Target, RunFolderState State, RunLockInfo? Holder, bool Resumable,
    IReadOnlyList<string> StrayFiles)
{
    /// <summary>Whether it is a hidden partial (or leftover) folder rather than the final folder.</summary>
    public bool IsPartial => !string.Equals(Path, Target, StringComparison.Ordinal);
}
