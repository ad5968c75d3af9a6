namespace ScoreScope.Tests.Infrastructure;

/// <summary>
/// A background thread that loops <c>GC.Collect(); GC.WaitForPendingFinalizers();</c> until disposed, so that any
/// TorchSharp <c>Scalar</c> left unreachable during a native call is finalised (freed) at the worst moment.
/// </summary>
sealed class GarbageCollectionPressure : IDisposable
{
    readonly Thread _thread;
    volatile bool _stop;
    long _collections;

    public GarbageCollectionPressure()
    {
        _thread = new Thread(() =>
        {
            while (!_stop)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                Interlocked.Increment(ref _collections);
            }
        }) { IsBackground = true, Name = "gc-pressure" };
        _thread.Start();
    }

    /// <summary>Forced collections completed so far.</summary>
    public long Collections => Interlocked.Read(ref _collections);

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }
}
