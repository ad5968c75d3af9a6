namespace ScoreScope.Cli.Settings;

/// <summary>The resolved options of <c>scorescope cumulants</c> (the <c>"options"</c> of its config.json).</summary>
public sealed record CumulantsSettings
{
    /// <summary>The data file (.npy or .csv), one sample per row.</summary>
    public string In { get; init; } = "";

    /// <summary><c>site</c> (all coordinates pooled), <c>mean</c> (coordinate mean) or <c>coord:i</c>.</summary>
    public string Observable { get; init; } = "site";

    /// <summary>The highest cumulant order, 1..8.</summary>
    public int Order { get; init; } = 8;

    /// <summary>Rows per error block; null lets the block size start at 1024 and double to keep 100–200 blocks.</summary>
    public long? BlockSize { get; init; }

    /// <summary>Block-bootstrap replicates (0 disables the bootstrap).</summary>
    public int Bootstrap { get; init; } = 100;

    /// <summary>Seed of the bootstrap draws.</summary>
    public ulong Seed { get; init; } = 20241028;
}
