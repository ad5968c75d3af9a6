namespace ScoreScope.Runs;

/// <summary>Why a run folder cannot be written (<see cref="RunFolderException.Problem"/>).</summary>
public enum RunFolderProblem
{
    /// <summary>The target is an existing regular file.</summary>
    ExistingFile,

    /// <summary>The target exists and replacing it was not asked for.</summary>
    Exists,

    /// <summary>The target is the current folder, one of its parents or a root: never replaced.</summary>
    Protected,

    /// <summary>The target is a non-empty folder that is not a ScoreScope run (no marker file): never replaced.</summary>
    NotARun,

    /// <summary>The target appeared while the run was in progress.</summary>
    AppearedDuringRun,

    /// <summary>Another live process writes the same run (its lock is held).</summary>
    Locked,

    /// <summary>A stale partial folder of a dead process holds resumable work for the target.</summary>
    StalePartial,

    /// <summary>The folder or its parent cannot be created or written (permissions, a file in the way, a full disk).</summary>
    NotWritable,

    /// <summary>There is nothing to resume: neither the target nor a partial folder of it holds a run.</summary>
    NothingToResume,
}
