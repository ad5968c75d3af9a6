namespace ScoreScope.Analysis;

/// <summary>Blocking, resampling and chunking settings for streaming cumulant estimation.</summary>
/// <param name="TargetBlocks">The number of error blocks is kept in [TargetBlocks, 2·TargetBlocks) once N is large enough.</param>
/// <param name="MinimumBlockSize">Initial rows per block (the block size doubles as data arrive).</param>
/// <param name="BootstrapReplicates">Block-bootstrap replicates (0 disables the bootstrap; the paper's code uses 100).</param>
/// <param name="Seed">Seed of the TorchSharp generator that draws the bootstrap blocks.</param>
/// <param name="ChunkRows">Rows converted to float64 and processed per chunk (memory bound).</param>
public sealed record CumulantOptions(
    int TargetBlocks = 100, long MinimumBlockSize = 1024, int BootstrapReplicates = 100, ulong Seed = 20241028,
    long ChunkRows = 1 << 16)
{
    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For a non-positive block count, block size or chunk size, or negative replicates.</exception>
    public void Validate()
    {
        if (TargetBlocks < 2) throw new ArgumentOutOfRangeException(nameof(TargetBlocks), TargetBlocks, "need at least 2 target blocks.");
        if (MinimumBlockSize < 1) throw new ArgumentOutOfRangeException(nameof(MinimumBlockSize), MinimumBlockSize, "block size must be ≥ 1.");
        if (BootstrapReplicates < 0) throw new ArgumentOutOfRangeException(nameof(BootstrapReplicates), BootstrapReplicates, "replicates must be ≥ 0.");
        if (ChunkRows < 1) throw new ArgumentOutOfRangeException(nameof(ChunkRows), ChunkRows, "chunk rows must be ≥ 1.");
    }
}
