namespace ScoreScope.Cli.Settings;

/// <summary>
/// The embedded defaults of <c>scorescope demo</c>, written as the <c>"options"</c> of the demo folder's
/// <c>config.json</c>. The demo is a fixed sequence of stages, each writing a subfolder with its own config.json that
/// reproduces it on its own (e.g. <c>scorescope sample --config runs/demo-…/sample/config.json</c>).
/// </summary>
public sealed record DemoSettings
{
    /// <summary>The demo's fixed seed, so that every demo run gives the same numbers.</summary>
    public const ulong DefaultSeed = 20251124;

    /// <summary>The sampling stage: gmm8, VP, exact score, Heun on the EDM grid.</summary>
    public SampleSettings Sample { get; init; } = new()
    {
        Data = "gmm8",
        Process = "vp",
        Score = "exact",
        Sampler = "heun",
        Steps = 64,
        Grid = "edm",
        N = 20_000,
        BatchSize = 10_000,
        Seed = DefaultSeed,
        Threads = 1,
    };
}
