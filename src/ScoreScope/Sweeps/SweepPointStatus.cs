namespace ScoreScope.Sweeps;

/// <summary>
/// The record of one finished attempt at a point, kept in <c>DIR/status/ID.json</c>.
/// </summary>
/// <param name="Id">The point's id.</param>
/// <param name="State">Done or failed.</param>
/// <param name="ExitCode">The command's exit code, or null when it never reported one (killed with its task, node lost).</param>
/// <param name="Reason">Why it failed (exit code, signal, time limit, …); "completed" when done.</param>
/// <param name="Interrupted">True when the failure came from outside the run (signal, cancellation, lost task): rerunning the sweep runs the point again; other failures need --retry-failed.</param>
/// <param name="Backend">local or slurm (with the job and task id).</param>
/// <param name="Started">Start time (UTC, ISO 8601), null when unknown.</param>
/// <param name="Ended">End time (UTC, ISO 8601).</param>
/// <param name="Seconds">Wall-clock seconds, null when unknown.</param>
/// <param name="LogTail">The last lines of the point's output (stdout and stderr), for failures.</param>
public sealed record SweepPointStatus(string Id, SweepPointState State, int? ExitCode, string Reason, bool Interrupted,
    string Backend, string? Started, string Ended, double? Seconds, string? LogTail);
