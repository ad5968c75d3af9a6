namespace ScoreScope.Runs;

/// <summary>
/// An <see cref="IProgress{T}"/> that reports on the calling thread, in order, one report at a time (no
/// synchronisation context needed). <see cref="Progress{T}"/> posts to the thread pool instead, so its reports can
/// arrive late and out of order, or after the work has returned.
/// </summary>
/// <param name="report">What to do with each report.</param>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    readonly Action<T> _report = report ?? throw new ArgumentNullException(nameof(report));
    readonly object _gate = new();

    /// <inheritdoc/>
    public void Report(T value)
    {
        lock (_gate) _report(value);
    }
}
