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

    /// <summary>Fills the parameters of the chosen process that are still unset with their defaults.</summary>
    public static SampleSettings WithDefaultParameters(SampleSettings settings)
    {
        var keys = ParameterKeys(settings.Process);
        return settings with
        {
            SigmaMin = keys.Contains("sigma-min") ? settings.SigmaMin ?? DefaultSigmaMin : null,
            SigmaMax = keys.Contains("sigma-max") ? settings.SigmaMax ?? DefaultSigmaMax : null,
            BetaMin = keys.Contains("beta-min") ? settings.BetaMin ?? DefaultBetaMin : null,
            BetaMax = keys.Contains("beta-max") ? settings.BetaMax ?? DefaultBetaMax : null,
        };
    }

    /// <summary>Builds the process named in <paramref name="settings"/> (parameters already validated and filled).</summary>
    public static ForwardProcess Create(SampleSettings settings) => settings.Process switch
    {
        "ve" => VarianceExplodingProcess.Geometric(settings.SigmaMin!.Value, settings.SigmaMax!.Value),
        "vp" => VariancePreservingProcess.WithBetaRange(settings.BetaMin!.Value, settings.BetaMax!.Value),
        "vp-cosine" => VariancePreservingProcess.Cosine(betaMax: settings.BetaMax!.Value),
        "subvp" => SubVariancePreservingProcess.WithBetaRange(settings.BetaMin!.Value, settings.BetaMax!.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Process,
            $"unknown process '{settings.Process}'; valid: {string.Join(", ", Names)}"),
    };
}
