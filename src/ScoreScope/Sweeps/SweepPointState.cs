namespace ScoreScope.Sweeps;

/// <summary>Where a sweep point stands.</summary>
public enum SweepPointState
{
    /// <summary>Not run yet (or its run was lost without a record, e.g. the whole sweep was killed).</summary>
    Missing,

    /// <summary>Ran to completion (exit code 0) and its run folder is complete.</summary>
    Done,

    /// <summary>Ran and failed: a non-zero exit code, killed, cancelled, time limit or node lost (see the reason).</summary>
    Failed,
}
