using ScoreScope.Processes;
using ScoreScope.Cli.Settings;

namespace ScoreScope.Cli.Tables;

/// <summary>
/// The names users type for forward processes (<c>--process</c>) and their parameters, mapped to library factories.
/// </summary>
public static class ProcessTable
{
    /// <summary>Default σ_min of the geometric VE process (score_sde's VESDE).</summary>
    public const double DefaultSigmaMin = 0.01;

    /// <summary>Default σ_max of the geometric VE process.</summary>
    public const double DefaultSigmaMax = 50.0;

    /// <summary>Default β_min of the linear β schedule (score_sde's VPSDE).</summary>
    public const double DefaultBetaMin = 0.1;

    /// <summary>Default β_max of the linear schedule and clip value of the cosine schedule.</summary>
    public const double DefaultBetaMax = 20.0;

    /// <summary>Every process name, in help order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["ve", "vp", "vp-cosine", "subvp"];

    /// <summary>The option keys (flag names without dashes) that parametrise process <paramref name="name"/>.</summary>
    public static IReadOnlyList<string> ParameterKeys(string name) => name switch
    {
        "ve" => ["sigma-min", "sigma-max"],
        "vp" or "subvp" => ["beta-min", "beta-max"],
        "vp-cosine" => ["beta-max"],
        _ => [],
    };

    /// <summary>
    /// The parameters of process <paramref name="name"/>: the given values of the keys it uses, defaults for the unset
    /// ones, null for the keys it does not use.
    /// </summary>
    public static ProcessParameters WithDefaults(string name, ProcessParameters given)
    {
        var keys = ParameterKeys(name);
        return new ProcessParameters(
            keys.Contains("sigma-min") ? given.SigmaMin ?? DefaultSigmaMin : null,
            keys.Contains("sigma-max") ? given.SigmaMax ?? DefaultSigmaMax : null,
            keys.Contains("beta-min") ? given.BetaMin ?? DefaultBetaMin : null,
            keys.Contains("beta-max") ? given.BetaMax ?? DefaultBetaMax : null);
    }

    /// <summary>Fills the parameters of the chosen process that are still unset with their defaults.</summary>
    public static SampleSettings WithDefaultParameters(SampleSettings settings) =>
        WithDefaults(settings.Process, ProcessParameters.Of(settings)).ApplyTo(settings);

    /// <summary>Fills the parameters of the chosen process that are still unset with their defaults.</summary>
    public static TrainSettings WithDefaultParameters(TrainSettings settings) =>
        WithDefaults(settings.Process, ProcessParameters.Of(settings)).ApplyTo(settings);

    /// <summary>
    /// The serialisable description of process <paramref name="name"/> with <paramref name="parameters"/> (unset ones
    /// take their defaults): what a trained model records so that it rebuilds its process in a fresh process.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">For an unknown name.</exception>
    public static ForwardProcessSpec Spec(string name, ProcessParameters parameters)
    {
        var p = WithDefaults(name, parameters);
        return name switch
        {
            "ve" => ForwardProcessSpec.VarianceExplodingGeometric(p.SigmaMin!.Value, p.SigmaMax!.Value),
            "vp" => ForwardProcessSpec.VariancePreservingLinear(p.BetaMin!.Value, p.BetaMax!.Value),
            "vp-cosine" => ForwardProcessSpec.VariancePreservingCosine(betaMax: p.BetaMax!.Value),
            "subvp" => ForwardProcessSpec.SubVariancePreservingLinear(p.BetaMin!.Value, p.BetaMax!.Value),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, $"unknown process '{name}'; valid: {string.Join(", ", Names)}"),
        };
    }

    /// <summary>Builds the process named in <paramref name="settings"/> (parameters already validated).</summary>
    /// <exception cref="ArgumentOutOfRangeException">For an unknown name or parameters the library factory rejects.</exception>
    public static ForwardProcess Create(SampleSettings settings) =>
        Spec(settings.Process, ProcessParameters.Of(settings)).Build();
}
