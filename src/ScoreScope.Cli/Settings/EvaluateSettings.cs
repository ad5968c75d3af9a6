namespace ScoreScope.Cli.Settings;

/// <summary>
/// Every option of <c>scorescope evaluate</c> that determines its result: the <c>"options"</c> of an evaluation's
/// config.json. The score error is measured at <see cref="ErrorTimes"/> equally spaced times on
/// [<see cref="ErrorTMin"/>, T]; the sample metrics use <see cref="N"/> samples of the model with the given sampler.
/// </summary>
public sealed record EvaluateSettings
{
    /// <summary>The training run folder of the model (absolute once resolved).</summary>
    public string Model { get; init; } = "";

    /// <summary>Number of times of the score-error curve (≥ 20).</summary>
    public int ErrorTimes { get; init; } = 50;

    /// <summary>The first time of the score-error curve (the last is T).</summary>
    public double ErrorTMin { get; init; } = 0.02;

    /// <summary>Samples x_t ~ p_t per time of the score-error curve.</summary>
    public int ErrorSamples { get; init; } = 8192;

    /// <summary>Sampler of the sample metrics.</summary>
    public string Sampler { get; init; } = "heun";

    /// <summary>Sampler steps.</summary>
    public int Steps { get; init; } = 64;

    /// <summary>Time grid of the sampler.</summary>
    public string Grid { get; init; } = "edm";

    /// <summary>Smallest time of the sampler's grid.</summary>
    public double TMin { get; init; } = 1e-3;

    /// <summary>Number of samples for the sample metrics.</summary>
    public int N { get; init; } = 20_000;

    /// <summary>Samples per sampler batch (memory only).</summary>
    public int Batch { get; init; } = 10_000;

    /// <summary>The seed of every random draw; null until resolved (then drawn if absent).</summary>
    public ulong? Seed { get; init; }

    /// <summary>libtorch intra-op CPU threads.</summary>
    public int Threads { get; init; } = 1;

    /// <summary><c>cpu</c> or <c>cuda</c>.</summary>
    public string Device { get; init; } = "cpu";
}
