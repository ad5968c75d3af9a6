using ScoreScope.Sampling;

namespace ScoreScope.Cli.Tables;

/// <summary>The values of <c>--sampler</c>, mapped to library samplers.</summary>
public static class SamplerTable
{
    /// <summary>Default signal-to-noise ratio of the Langevin corrector (score_sde's 0.16).</summary>
    public const double DefaultSnr = 0.16;

    /// <summary>Valid names, in help order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["heun", "euler", "euler-maruyama", "ancestral", "pc"];

    /// <summary>Whether sampler <paramref name="name"/> takes <c>--snr</c>.</summary>
    public static bool UsesSnr(string name) => name == "pc";

    /// <summary>The sampler named <paramref name="name"/>; <paramref name="snr"/> is used by <c>pc</c> only.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For an unknown name or an invalid r.</exception>
    public static ISampler Create(string name, double? snr) => name switch
    {
        "heun" => new ProbabilityFlowHeunSampler(),
        "euler" => new ProbabilityFlowEulerSampler(),
        "euler-maruyama" => new EulerMaruyamaSampler(),
        "ancestral" => new AncestralSampler(),
        "pc" => new PredictorCorrectorSampler(new PredictorCorrectorOptions(SignalToNoiseRatio: snr ?? DefaultSnr)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, $"unknown sampler '{name}'; valid: {string.Join(", ", Names)}"),
    };
}
