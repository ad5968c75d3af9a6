namespace ScoreScope.Runs;

/// <summary>A run folder cannot be created, replaced, locked or resumed; names the folder and the reason.</summary>
public sealed class RunFolderException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The run folder (the target as given, or a partial folder).</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="reason">The reason, phrased to follow the path (e.g. "already exists").</param>
    /// <param name="holder">The lock holder, for <see cref="RunFolderProblem.Locked"/> and <see cref="RunFolderProblem.StalePartial"/>.</param>
    /// <param name="innerException">The I/O error behind <see cref="RunFolderProblem.NotWritable"/>.</param>
    public RunFolderException(string path, RunFolderProblem problem, string reason, RunLockInfo? holder = null, Exception? innerException = null)
        : base($"'{path}' {reason}", innerException)
    {
        Path = path;
        Problem = problem;
        Reason = reason;
        Holder = holder;
    }

    /// <summary>The run folder concerned.</summary>
    public string Path { get; }

    /// <summary>What is wrong.</summary>
    public RunFolderProblem Problem { get; }

    /// <summary>The reason without the path.</summary>
    public string Reason { get; }

    /// <summary>The process holding (or having held) the run's lock, when known.</summary>
    public RunLockInfo? Holder { get; }
}
