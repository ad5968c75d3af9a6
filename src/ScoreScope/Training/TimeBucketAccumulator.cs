namespace ScoreScope.Training;

/// <summary>Running sums of per-sample losses, overall and per t-bucket (edges from <see cref="TimeSampling.BucketEdges"/>).</summary>
sealed class TimeBucketAccumulator(double[] edges)
{
    readonly double[] _sums = new double[edges.Length - 1];
    readonly long[] _counts = new long[edges.Length - 1];
    double _total;
    long _count;

    public void Add(double[] losses, double[] times)
    {
        for (int i = 0; i < losses.Length; i++)
        {
            int index = Array.BinarySearch(edges, times[i]);
            if (index < 0) index = ~index - 1;
            index = Math.Clamp(index, 0, _sums.Length - 1);
            _sums[index] += losses[i];
            _counts[index]++;
            _total += losses[i];
            _count++;
        }
    }

    /// <summary>The mean loss (NaN when empty).</summary>
    public double Mean => _count > 0 ? _total / _count : double.NaN;

    /// <summary>The mean loss per bucket (NaN for empty buckets).</summary>
    public double[] MeanByBucket() => _sums.Select((s, i) => _counts[i] > 0 ? s / _counts[i] : double.NaN).ToArray();

    public void Clear()
    {
        Array.Clear(_sums);
        Array.Clear(_counts);
        _total = 0;
        _count = 0;
    }
}
