using static TorchSharp.torch;

namespace ScoreScope.Analysis;

/// <summary>
/// Streaming cumulants of one or more scalar series that advance together row by row (e.g. the coordinates of
/// samples [N, d]), with contiguous blocks of rows for error estimation. Blocks start at
/// <see cref="CumulantOptions.MinimumBlockSize"/> rows; whenever their number reaches twice
/// <see cref="CumulantOptions.TargetBlocks"/>, neighbours are merged pairwise (block size doubles), so memory stays
/// O(blocks × series) for any N. Errors: blocked jackknife (leave one block out, prefix/suffix merges) and block
/// bootstrap (blocks resampled with replacement from a seeded TorchSharp generator).
/// </summary>
public sealed class BlockedCumulants
{
    readonly List<CentralMoments[]> _blocks = [];
    readonly CumulantOptions _options;
    long _rowsInCurrent;

    /// <summary>Creates an accumulator for <paramref name="seriesCount"/> series.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For a non-positive series count.</exception>
    public BlockedCumulants(int seriesCount, CumulantOptions? options = null)
    {
        if (seriesCount < 1) throw new ArgumentOutOfRangeException(nameof(seriesCount), seriesCount, "need at least one series.");
        SeriesCount = seriesCount;
        _options = options ?? new CumulantOptions();
        _options.Validate();
        BlockSize = _options.MinimumBlockSize;
    }

    /// <summary>The number of series.</summary>
    public int SeriesCount { get; }

    /// <summary>The number of rows added so far.</summary>
    public long Rows { get; private set; }

    /// <summary>The current rows per full block.</summary>
    public long BlockSize { get; private set; }

    /// <summary>The current number of blocks (including a partly filled last block).</summary>
    public int BlockCount => _blocks.Count;

    /// <summary>
    /// Adds <paramref name="rows"/> rows. Series s of row r consists of <paramref name="valuesPerRow"/> values at
    /// <c>data[s·seriesStride + r·valuesPerRow ..]</c> (valuesPerRow &gt; 1 pools several values per row into one
    /// series, e.g. all lattice sites of a configuration).
    /// </summary>
    /// <exception cref="ArgumentException">When the span is too short for the layout.</exception>
    public void AddRows(ReadOnlySpan<double> data, long rows, int valuesPerRow = 1, long seriesStride = 0)
    {
        if (rows < 0 || valuesPerRow < 1) throw new ArgumentOutOfRangeException(nameof(rows), $"rows = {rows} and valuesPerRow = {valuesPerRow} must be ≥ 0 and ≥ 1.");
        if (SeriesCount > 1 && seriesStride < rows * valuesPerRow)
            throw new ArgumentException($"series stride {seriesStride} is shorter than rows × valuesPerRow = {rows * valuesPerRow}.", nameof(seriesStride));
        long needed = (SeriesCount - 1) * seriesStride + rows * valuesPerRow;
        if (data.Length < needed) throw new ArgumentException($"data has {data.Length} values; the layout needs {needed}.", nameof(data));
        long done = 0;
        while (done < rows)
        {
            if (_blocks.Count == 0 || _rowsInCurrent == BlockSize) StartBlock();
            long take = Math.Min(rows - done, BlockSize - _rowsInCurrent);
            var block = _blocks[^1];
            for (int s = 0; s < SeriesCount; s++)
                block[s].Add(data.Slice((int)(s * seriesStride + done * valuesPerRow), (int)(take * valuesPerRow)));
            _rowsInCurrent += take;
            done += take;
            Rows += take;
        }
    }

    /// <summary>All data of series <paramref name="series"/> pooled into one accumulator.</summary>
    public CentralMoments Total(int series = 0)
    {
        var total = new CentralMoments();
        foreach (var b in _blocks) total.Add(b[series]);
        return total;
    }

    /// <summary>
    /// Cumulants κ̂_1..κ̂_order and k-statistics k1..k4 of series <paramref name="series"/> with jackknife and
    /// bootstrap errors (see <see cref="CumulantSummary"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">With fewer than two blocks (no error estimate possible).</exception>
    public CumulantSummary Summarize(int series = 0, int order = CentralMoments.MaxOrder)
    {
        int B = _blocks.Count;
        if (B < 2) throw new InvalidOperationException($"need at least 2 blocks for errors; have {B} after {Rows} rows with block size {BlockSize} (lower MinimumBlockSize).");
        var total = Total(series);
        double[] full = Statistics(total, order);
        int m = full.Length;

        // Jackknife: estimate without block i = prefix[i−1] ∪ suffix[i+1].
        var prefix = new CentralMoments[B];
        var suffix = new CentralMoments[B];
        for (int i = 0; i < B; i++) { prefix[i] = i == 0 ? _blocks[0][series].Clone() : CentralMoments.Combine(prefix[i - 1], _blocks[i][series]); }
        for (int i = B - 1; i >= 0; i--) { suffix[i] = i == B - 1 ? _blocks[i][series].Clone() : CentralMoments.Combine(suffix[i + 1], _blocks[i][series]); }
        var leaveOut = new double[B][];
        for (int i = 0; i < B; i++)
        {
            var rest = i == 0 ? suffix[1].Clone() : prefix[i - 1].Clone();
            if (i > 0 && i < B - 1) rest.Add(suffix[i + 1]);
            leaveOut[i] = Statistics(rest, order);
        }
        var jack = BlockResampling.JackknifeErrors(leaveOut);
        int R = _options.BootstrapReplicates;
        var boot = BlockResampling.BootstrapErrors(B, m, R, _options.Seed, copies =>
        {
            var rep = new CentralMoments();
            for (int i = 0; i < B; i++) rep.Add(_blocks[i][series], copies[i]);
            return Statistics(rep, order);
        });

        var est = new CumulantEstimate[m];
        for (int j = 0; j < m; j++) est[j] = new CumulantEstimate(full[j], jack[j], boot[j]);
        return new CumulantSummary(total.Count, B, BlockSize, R >= 2 ? R : 0, est[..order], est[order..]);
    }

    static double[] Statistics(CentralMoments c, int order) => [.. c.Cumulants(order), .. c.KStatistics()];

    void StartBlock()
    {
        if (_blocks.Count >= 2 * _options.TargetBlocks)
        {
            // Merge neighbours pairwise: the block size doubles and the blocks stay contiguous.
            var merged = new List<CentralMoments[]>(_blocks.Count / 2 + 1);
            for (int i = 0; i < _blocks.Count; i += 2)
            {
                if (i + 1 < _blocks.Count)
                    for (int s = 0; s < SeriesCount; s++) _blocks[i][s].Add(_blocks[i + 1][s]);
                merged.Add(_blocks[i]);
            }
            _blocks.Clear();
            _blocks.AddRange(merged);
            BlockSize *= 2;
            if (Rows % BlockSize != 0) { _rowsInCurrent = Rows % BlockSize; return; }
        }
        var block = new CentralMoments[SeriesCount];
        for (int s = 0; s < SeriesCount; s++) block[s] = new CentralMoments();
        _blocks.Add(block);
        _rowsInCurrent = 0;
    }
}
