namespace ScoreScope.Analysis;

/// <summary>
/// Cumulants κ̂_1..κ̂_order (from central moments) and Fisher's k-statistics k1..k4 (Fisher 1930) of one scalar
/// observable, each with blocked-jackknife and block-bootstrap errors, and the blocking used.
/// </summary>
/// <param name="Count">Number of values n entering the estimates.</param>
/// <param name="BlockCount">Number of jackknife/bootstrap blocks.</param>
/// <param name="BlockSize">Rows (samples) per full block; the last block may be shorter.</param>
/// <param name="BootstrapReplicates">Number of bootstrap replicates.</param>
/// <param name="Cumulants">κ̂_1..κ̂_order (index 0 holds κ̂_1).</param>
/// <param name="KStatistics">k1..k4 (index 0 holds k1).</param>
public sealed record CumulantSummary(
    long Count, int BlockCount, long BlockSize, int BootstrapReplicates,
    IReadOnlyList<CumulantEstimate> Cumulants, IReadOnlyList<CumulantEstimate> KStatistics)
{
    /// <summary>The cumulant κ̂_n (1-based order).</summary>
    public CumulantEstimate Kappa(int n) => Cumulants[n - 1];

    /// <summary>The k-statistic k_n (1-based order, n ≤ 4).</summary>
    public CumulantEstimate K(int n) => KStatistics[n - 1];
}
