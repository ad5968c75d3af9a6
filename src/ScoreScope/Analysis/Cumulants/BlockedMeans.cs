using static TorchSharp.torch;

namespace ScoreScope.Analysis;

/// <summary>
/// Streaming means of a vector of per-row quantities (e.g. products of shifted coordinates) over contiguous blocks
/// of rows, and blocked-jackknife / block-bootstrap errors of any smooth function of those means (Efron &amp; Stein
/// 1981; Künsch 1989). Blocks double in size when their number reaches twice the target, as in
/// <see cref="BlockedCumulants"/>.
/// </summary>
internal sealed class BlockedMeans
{
    readonly List<double[]> _sums = [];
    readonly List<long> _counts = [];
    readonly CumulantOptions _options;

    public BlockedMeans(int width, CumulantOptions options)
    {
        Width = width;
        _options = options;
        BlockSize = options.MinimumBlockSize;
    }

    public int Width { get; }
    public long BlockSize { get; private set; }
    public int BlockCount => _sums.Count;
    public long Rows { get; private set; }

    /// <summary>Adds rows given row-major as [rows, Width].</summary>
    public void AddRows(ReadOnlySpan<double> perRow)
    {
        int rows = perRow.Length / Width;
        for (int r = 0; r < rows; r++)
        {
            if (_sums.Count == 0 || _counts[^1] == BlockSize) StartBlock();
            var s = _sums[^1];
            var row = perRow.Slice(r * Width, Width);
            for (int j = 0; j < Width; j++) s[j] += row[j];
            _counts[^1]++;
            Rows++;
        }
    }

    /// <summary>f(means) on all data with jackknife and bootstrap errors per output component.</summary>
    public CumulantEstimate[] Estimate(Func<double[], double[]> f)
    {
        int B = _sums.Count;
        if (B < 2) throw new InvalidOperationException($"need at least 2 blocks for errors; have {B} after {Rows} rows with block size {BlockSize} (lower MinimumBlockSize).");
        var total = new double[Width];
        foreach (var s in _sums) for (int j = 0; j < Width; j++) total[j] += s[j];
        double[] Means(Func<int, double> weight)
        {
            var m = new double[Width];
            double n = 0;
            for (int i = 0; i < B; i++)
            {
                double w = weight(i);
                if (w == 0) continue;
                n += w * _counts[i];
                for (int j = 0; j < Width; j++) m[j] += w * _sums[i][j];
            }
            for (int j = 0; j < Width; j++) m[j] /= n;
            return m;
        }
        var full = f(Means(_ => 1));
        int k = full.Length;
        var leave = new double[B][];
        for (int i = 0; i < B; i++) { int skip = i; leave[i] = f(Means(b => b == skip ? 0 : 1)); }
        var jack = BlockResampling.JackknifeErrors(leave);
        var boot = BlockResampling.BootstrapErrors(B, k, _options.BootstrapReplicates, _options.Seed, copies => f(Means(b => copies[b])));
        var result = new CumulantEstimate[k];
        for (int j = 0; j < k; j++) result[j] = new CumulantEstimate(full[j], jack[j], boot[j]);
        return result;
    }

    void StartBlock()
    {
        if (_sums.Count >= 2 * _options.TargetBlocks)
        {
            var sums = new List<double[]>();
            var counts = new List<long>();
            for (int i = 0; i < _sums.Count; i += 2)
            {
                if (i + 1 < _sums.Count)
                {
                    for (int j = 0; j < Width; j++) _sums[i][j] += _sums[i + 1][j];
                    _counts[i] += _counts[i + 1];
                }
                sums.Add(_sums[i]);
                counts.Add(_counts[i]);
            }
            _sums.Clear(); _sums.AddRange(sums);
            _counts.Clear(); _counts.AddRange(counts);
            BlockSize *= 2;
        }
        _sums.Add(new double[Width]);
        _counts.Add(0);
    }
}
