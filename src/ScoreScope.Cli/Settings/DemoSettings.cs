namespace ScoreScope.Cli.Settings;

/// <summary>
/// The embedded defaults of <c>scorescope demo</c>, written as the <c>"options"</c> of the demo folder's
/// <c>config.json</c>. The demo is a fixed sequence of stages, each writing a subfolder with its own config.json that
/// reproduces it on its own: <c>train/</c> (<c>scorescope train --config runs/demo-…/train/config.json</c>) and
/// <c>evaluate/</c> (score error and, in <c>evaluate/sample/</c>, samples of the trained model).
/// </summary>
public sealed record DemoSettings
{
    /// <summary>The demo's fixed seed, so that every demo run gives the same numbers.</summary>
    public const ulong DefaultSeed = 20251124;

    /// <summary>
    /// The training stage: a small MLP (64 × 2, EDM preconditioning) on gmm8 under VP, 4000 steps of 256 at peak
    /// learning rate 1e-2.
    /// </summary>
    /// <remarks>
    /// The learning rate, not the size, decides whether this model meets the score-error level (issue 13). The network
    /// first learns the rotation-invariant ring (radius 4, radial std 0.5) and sits on that plateau until its weights have
    /// moved far enough to resolve the 8 modes along the ring; with Adam each step moves a weight by about the learning
    /// rate, so the escape is set by lr × steps under the cosine decay. At the CLI's lr 2e-3 (tuned for 6000 steps)
    /// 1500 steps end on the plateau: max rel_error on [0.1, 1] 0.429 at t = 0.10, samples spread uniformly along the
    /// ring (tangential std 0.90 within ±π/8 of a mode, uniform: 0.91). Batch 1024 (0.397), width 128 × depth 3
    /// (0.420), EMA 0 (0.429), no gradient clipping (0.429), log-uniform times (0.425), t_min 0.01 (0.429) do not change
    /// that; lr 1e-2 gives 0.064 at 1500 steps, 0.014 at 3000 and 0.011 at 4000 steps (seeds 2 and 3: 0.019, 0.027).
    /// </remarks>
    public TrainSettings Train { get; init; } = new()
    {
        Data = "gmm8",
        Process = "vp",
        Net = "mlp",
        Width = 64,
        Depth = 2,
        Steps = 4000,
        Batch = 256,
        Lr = 1e-2,
        Seed = DefaultSeed,
        CheckpointEvery = 0,
        EvaluateEvery = 250,
        Threads = 1,
    };

    /// <summary>
    /// The evaluation stage: rel_error at 25 times (2048 samples each), then 10000 Heun samples (32 steps, EDM grid) of
    /// the trained model against fresh data. The model folder is filled in when the demo runs.
    /// </summary>
    public EvaluateSettings Evaluate { get; init; } = new()
    {
        ErrorTimes = 25,
        ErrorSamples = 2048,
        Sampler = "heun",
        Steps = 32,
        Grid = "edm",
        N = 10_000,
        Batch = 10_000,
        Seed = DefaultSeed,
        Threads = 1,
    };
}
