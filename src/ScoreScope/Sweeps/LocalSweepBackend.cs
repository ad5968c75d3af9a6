namespace ScoreScope.Sweeps;

/// <summary>
/// Runs sweep points on this machine with <see cref="Workers"/> concurrent <c>scorescope</c> processes, each point in its
/// own run folder (<see cref="SweepPointRunner"/>).
/// </summary>
/// <param name="Workers">Concurrent processes (≥ 1).</param>
/// <param name="Threads">LibTorch threads per process (passed as --threads unless the point sets it), or null.</param>
public sealed record LocalSweepBackend(int Workers, int? Threads)
{
    /// <summary>
    /// Runs <paramref name="points"/> and returns their statuses in the order given. Cancelling stops starting points
    /// and kills the running ones (recorded as interrupted failures); points never started keep no status.
    /// </summary>
    public async Task<IReadOnlyList<SweepPointStatus>> RunAsync(IReadOnlyList<SweepPoint> points, SweepFolder folder, SweepLauncher launcher,
        IProgress<SweepProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Workers, 1);
        var results = new SweepPointStatus?[points.Count];
        int next = -1, done = 0, failed = 0;
        var gate = new object();
        async Task Worker()
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                int i = Interlocked.Increment(ref next);
                if (i >= points.Count) return;
                var status = await SweepPointRunner.RunAsync(points[i], folder, launcher, Threads, "local", cancellationToken).ConfigureAwait(false);
                results[i] = status;
                lock (gate)
                {
                    if (status.State == SweepPointState.Done) done++; else failed++;
                    progress?.Report(new SweepProgress(points.Count, done, failed, status));
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Math.Min(Workers, Math.Max(points.Count, 1))).Select(_ => Task.Run(Worker, CancellationToken.None))).ConfigureAwait(false);
        return results.Where(r => r is not null).Select(r => r!).ToArray();
    }
}
