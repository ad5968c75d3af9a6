namespace ScoreScope.Cli.Settings;

/// <summary>
/// Every option of <c>scorescope train</c> that determines its result, as typed by the user: the <c>"options"</c> of a
/// training run's <c>config.json</c> (JSON keys = flag names without dashes). Parameters that do not apply to the
/// chosen process or network are null (omitted in JSON). The defaults are the CLI's default budget: the default MLP
/// (width 128, depth 3) with EDM preconditioning trained on gmm8 reaches rel_error ≤ 0.05 on t ∈ [0.1, 1] under VE and
/// VP in under three minutes on one core (6000 steps: max rel_error 0.028 (VE) and 0.006 (VP) in 156 s and 159 s at load
/// average ≈ 10 on the shared two-core machine; 4000 steps left VE at 0.049).
/// </summary>
/// <remarks>
/// Output-location options (<c>--out</c>, <c>--force</c>, <c>--config</c>, <c>--resume</c>, <c>--stop-at</c>,
/// <c>--verbose</c>) are not part of it: they decide where a run goes, not what it computes.
/// </remarks>
public sealed record TrainSettings : ProcessChoice
{
    /// <summary>The default step budget of the CLI.</summary>
    public const int DefaultSteps = 6000;

    /// <summary><c>gmm8</c>, <c>gaussian10</c> or a path to a .npy/.csv file (a fixed training set).</summary>
    public string Data { get; init; } = "gmm8";

    /// <summary>Network: <c>mlp</c> or <c>unet</c>.</summary>
    public string Net { get; init; } = "mlp";

    /// <summary>Hidden width of the MLP's residual blocks (mlp only).</summary>
    public int? Width { get; init; }

    /// <summary>Number of residual blocks of the MLP (mlp only).</summary>
    public int? Depth { get; init; }

    /// <summary>Channels at the U-Net's finest resolution (unet only).</summary>
    public int? Channels { get; init; }

    /// <summary>Resolution levels of the U-Net, channel multipliers 1, 2, 2, … (unet only).</summary>
    public int? Levels { get; init; }

    /// <summary>Parametrisation: <c>score</c>, <c>eps</c>, <c>x0</c> or <c>edm</c>.</summary>
    public string Param { get; init; } = "edm";

    /// <summary>Loss: <c>dsm</c>, <c>x0</c> or <c>ssm</c>.</summary>
    public string Loss { get; init; } = "dsm";

    /// <summary>Weighting λ(t): <c>b2</c>, <c>unit</c> or <c>snr</c>.</summary>
    public string Weighting { get; init; } = "b2";

    /// <summary>Training-time distribution: <c>uniform</c>, <c>log-uniform</c> or <c>ddpm</c>.</summary>
    public string TimeSampling { get; init; } = "uniform";

    /// <summary>The smallest training time t_min &gt; 0.</summary>
    public double TMin { get; init; } = 1e-3;

    /// <summary>The step budget.</summary>
    public int Steps { get; init; } = DefaultSteps;

    /// <summary>Samples per step.</summary>
    public int Batch { get; init; } = 512;

    /// <summary>Peak learning rate (AdamW, linear warm-up, cosine decay).</summary>
    public double Lr { get; init; } = 2e-3;

    /// <summary>Linear warm-up steps.</summary>
    public int Warmup { get; init; } = 200;

    /// <summary>EMA decay of the weights (0 keeps the EMA equal to the weights).</summary>
    public double Ema { get; init; } = 0.999;

    /// <summary>The seed of every random draw; null until resolved (then drawn if absent).</summary>
    public ulong? Seed { get; init; }

    /// <summary>libtorch intra-op CPU threads (bit-identical resume needs the same count).</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Write a checkpoint every this many steps (0: only at the end).</summary>
    public int CheckpointEvery { get; init; } = 1000;

    /// <summary>Evaluate the held-out loss and append a metrics.csv row every this many steps.</summary>
    public int EvaluateEvery { get; init; } = 250;

    /// <summary><c>cpu</c> or <c>cuda</c>.</summary>
    public string Device { get; init; } = "cpu";
}
