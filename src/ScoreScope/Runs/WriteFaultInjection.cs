namespace ScoreScope.Runs;

/// <summary>
/// An active fault injection of <see cref="AtomicFile.InjectFault"/>: counts write points and fails the chosen one
/// (0: count only, fail none).
/// </summary>
public sealed class WriteFaultInjection : IDisposable
{
    readonly int _failAt;
    readonly Action _end;
    int _count;

    internal WriteFaultInjection(int failAt, Action end) => (_failAt, _end) = (failAt, end);

    /// <summary>The write points passed so far.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The file whose write failed, once the fault has struck.</summary>
    public string? FailedPath { get; private set; }

    internal IOException? Next(string path)
    {
        int k = Interlocked.Increment(ref _count);
        if (k != _failAt) return null;
        FailedPath = path;
        return new IOException($"No space left on device (injected fault at write point {k}: '{path}')");
    }

    /// <inheritdoc/>
    public void Dispose() => _end();
}
