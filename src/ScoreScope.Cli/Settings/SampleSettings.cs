namespace ScoreScope.Cli.Settings;

/// <summary>
/// Every option of <c>scorescope sample</c> that determines its result, as typed by the user. This record is the
/// <c>"options"</c> object of a run's <c>config.json</c>; its JSON keys are the flag names without the leading
/// dashes (<c>"sigma-min"</c> for <c>--sigma-min</c>). Names are resolved to library objects only in
/// <see cref="Tables"/>. Process parameters that do not apply to the chosen process are null (omitted in JSON).
/// </summary>
/// <remarks>
/// Output-location options (<c>--out</c>, <c>--force</c>, <c>--config</c>, <c>--verbose</c>) are not part of it: they
/// decide where a run goes, not what it computes.
/// </remarks>
public sealed record SampleSettings : ProcessChoice
{
    /// <summary><c>gmm8</c>, <c>gaussian10</c> or a path to a .npy/.csv file (an empirical distribution).</summary>
    public string Data { get; init; } = "gmm8";

    /// <summary>
    /// Where the score comes from: <c>exact</c> (the data distribution's closed-form score) or <c>model</c> (the EMA
    /// weights of the trained model <see cref="Model"/>).
    /// </summary>
    public string Score { get; init; } = "exact";

    /// <summary>
    /// The training run folder whose model supplies the score (<c>--model</c>); null for an exact score. The model
    /// fixes the process and the data.
    /// </summary>
    public string? Model { get; init; }

    /// <summary><c>heun</c>, <c>euler</c>, <c>euler-maruyama</c>, <c>ancestral</c>, <c>pc</c> or <c>rk45</c>.</summary>
    public string Sampler { get; init; } = "heun";

    /// <summary>Number of sampler steps (intervals of the time grid).</summary>
    public int Steps { get; init; } = 64;

    /// <summary>Time grid: <c>uniform</c>, <c>geometric</c> or <c>edm</c>.</summary>
    public string Grid { get; init; } = "edm";

    /// <summary>The smallest time t_min &gt; 0 of the grid (score_sde's ε).</summary>
    public double TMin { get; init; } = 1e-3;

    /// <summary>
    /// The noise-to-signal ratio σ = b/a at which sampling ends (<c>--sigma-end</c>): when set, t_min is the time at
    /// which the process reaches it, t_min = σ⁻¹(σ_end), instead of <see cref="TMin"/>. For VE this is the noise the user
    /// usually means by "σ_min": b(t_min) = √(σ(t_min)² − σ_min²), which is not σ_min.
    /// </summary>
    public double? SigmaEnd { get; init; }

    /// <summary>Signal-to-noise ratio of the Langevin corrector step rule (pc only).</summary>
    public double? Snr { get; init; }

    /// <summary>Relative tolerance of the adaptive Dormand–Prince solver (rk45 only).</summary>
    public double? Rtol { get; init; }

    /// <summary>Absolute tolerance of the adaptive Dormand–Prince solver (rk45 only).</summary>
    public double? Atol { get; init; }

    /// <summary>Whether to finish with one Tweedie denoising step x₀ = E[x₀ | x_{t_min}].</summary>
    public bool Denoise { get; init; } = true;

    /// <summary>Number of samples.</summary>
    public int N { get; init; } = 10_000;

    /// <summary>Samples per batch (the result does not depend on it).</summary>
    public int Batch { get; init; } = 10_000;

    /// <summary>The seed of every random draw; null until resolved (then drawn if absent).</summary>
    public ulong? Seed { get; init; }

    /// <summary>Element type of <c>samples.npy</c>: <c>float32</c> or <c>float64</c>.</summary>
    public string Dtype { get; init; } = "float32";

    /// <summary><c>cpu</c> or <c>cuda</c>.</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>
    /// libtorch intra-op CPU threads during the run. Default 1: the built-in problems are dominated by small tensor
    /// operations, for which extra threads mostly add synchronisation (and, on a busy machine, much more); raise it
    /// for large empirical data sets. Recorded because reductions may round differently with another thread count.
    /// </summary>
    public int Threads { get; init; } = 1;

    /// <summary>
    /// A .npy/.csv file of start states x_{t_start} [N, …event] (e.g. data noised to t_start): the sampler integrates
    /// from them instead of prior draws; N is the file's number of rows. Null: prior draws at T.
    /// </summary>
    public string? From { get; init; }

    /// <summary>The time of the <see cref="From"/> states, in (t_min, T]; null means T.</summary>
    public double? TStart { get; init; }
}
