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

    /// <summary>Writes the running sums and counts (bit-exact) for a checkpoint.</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(_sums.Length);
        for (int i = 0; i < _sums.Length; i++)
        {
            writer.Write(_sums[i]);
            writer.Write(_counts[i]);
        }
        writer.Write(_total);
        writer.Write(_count);
    }

    /// <summary>Restores the state written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">When the bucket count differs.</exception>
    public void Read(BinaryReader reader)
    {
        int buckets = reader.ReadInt32();
        if (buckets != _sums.Length)
            throw new InvalidDataException($"The checkpoint has {buckets} loss buckets; this run has {_sums.Length}.");
        for (int i = 0; i < buckets; i++)
        {
            _sums[i] = reader.ReadDouble();
            _counts[i] = reader.ReadInt64();
        }
        _total = reader.ReadDouble();
        _count = reader.ReadInt64();
    }

    public void Clear()
    {
        Array.Clear(_sums);
        Array.Clear(_counts);
        _total = 0;
        _count = 0;
    }
}
