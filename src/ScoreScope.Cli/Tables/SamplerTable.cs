using ScoreScope.Numerics;
using ScoreScope.Sampling;

namespace ScoreScope.Cli.Tables;

/// <summary>The values of <c>--sampler</c>, mapped to library samplers.</summary>
public static class SamplerTable
{
    /// <summary>Default signal-to-noise ratio of the Langevin corrector (score_sde's 0.16).</summary>
    public const double DefaultSnr = 0.16;

    /// <summary>Valid names, in help order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["heun", "euler", "euler-maruyama", "ancestral", "pc", "rk45"];

    /// <summary>Default rtol = atol of <c>rk45</c> (score_sde's ODE sampler: 10⁻⁵).</summary>
    public const double DefaultTolerance = 1e-5;

    /// <summary>Whether sampler <paramref name="name"/> takes <c>--snr</c>.</summary>
    public static bool UsesSnr(string name) => name == "pc";

    /// <summary>Whether sampler <paramref name="name"/> takes <c>--rtol</c> and <c>--atol</c> (the adaptive ODE solver).</summary>
    public static bool UsesTolerances(string name) => name == "rk45";

    /// <summary>
    /// The sampler named <paramref name="name"/>; <paramref name="snr"/> is used by <c>pc</c> only, the tolerances by
    /// <c>rk45</c> only (default <see cref="DefaultTolerance"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">For an unknown name, an invalid r or invalid tolerances.</exception>
    public static ISampler Create(string name, double? snr, double? relativeTolerance = null, double? absoluteTolerance = null) => name switch
    {
        "heun" => new ProbabilityFlowHeunSampler(),
        "euler" => new ProbabilityFlowEulerSampler(),
        "euler-maruyama" => new EulerMaruyamaSampler(),
        "ancestral" => new AncestralSampler(),
        "pc" => new PredictorCorrectorSampler(new PredictorCorrectorOptions(SignalToNoiseRatio: snr ?? DefaultSnr)),
        "rk45" => new DormandPrinceSampler(new OdeTolerances(relativeTolerance ?? DefaultTolerance, absoluteTolerance ?? DefaultTolerance)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, $"unknown sampler '{name}'; valid: {string.Join(", ", Names)}"),
    };
}
