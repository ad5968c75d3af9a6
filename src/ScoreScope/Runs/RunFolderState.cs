namespace ScoreScope.Runs;

/// <summary>The state of a folder listed by <see cref="RunFolderInventory.List"/>.</summary>
public enum RunFolderState
{
    /// <summary>A final run folder (holding <see cref="RunFolder.MarkerFile"/>) that nobody is writing.</summary>
    Complete,

    /// <summary>A final training run stopped before its end (a checkpoint, no model): continue it with a resume.</summary>
    Stopped,

    /// <summary>A partial folder or a resumed run whose writer is alive.</summary>
    InProgress,

    /// <summary>A partial folder (or leftover) of a dead process: resumable if it holds a checkpoint, else garbage.</summary>
    Stale,
}
