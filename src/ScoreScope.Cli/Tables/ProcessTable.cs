using ScoreScope.Processes;

namespace ScoreScope.Cli.Tables;

/// <summary>
/// The names users type for forward processes (<c>--process</c>) and their parameters: the CLI side of the library's
/// <see cref="ProcessSettings"/>, which holds the names, defaults and checks.
/// </summary>
public static class ProcessTable
{
    /// <summary>Default σ_min of the geometric VE process (<see cref="ProcessSettings.DefaultSigmaMin"/>).</summary>
    public const double DefaultSigmaMin = ProcessSettings.DefaultSigmaMin;

    /// <summary>Default σ_max of the geometric VE process (<see cref="ProcessSettings.DefaultSigmaMax"/>).</summary>
    public const double DefaultSigmaMax = ProcessSettings.DefaultSigmaMax;

    /// <summary>Default β_min of the linear β schedule (<see cref="ProcessSettings.DefaultBetaMin"/>).</summary>
    public const double DefaultBetaMin = ProcessSettings.DefaultBetaMin;

    /// <summary>Default β_max (<see cref="ProcessSettings.DefaultBetaMax"/>).</summary>
    public const double DefaultBetaMax = ProcessSettings.DefaultBetaMax;

    /// <summary>Every process name, in help order (<see cref="ProcessSettings.Names"/>).</summary>
    public static IReadOnlyList<string> Names => ProcessSettings.Names;

    /// <summary>The option keys (flag names without dashes) that parametrise process <paramref name="name"/>.</summary>
    public static IReadOnlyList<string> ParameterKeys(string name) => ProcessSettings.ParameterKeys(name);

    /// <summary>The library settings of process <paramref name="name"/> with <paramref name="given"/> parameters.</summary>
    public static ProcessSettings Settings(string name, ProcessParameters given) =>
        new(name, given.SigmaMin, given.SigmaMax, given.BetaMin, given.BetaMax);

    /// <summary>
    /// The parameters of process <paramref name="name"/>: the given values of the keys it uses, defaults for the unset
    /// ones, null for the keys it does not use.
    /// </summary>
    public static ProcessParameters WithDefaults(string name, ProcessParameters given)
    {
        var p = Settings(name, given).WithDefaults();
        return new ProcessParameters(p.SigmaMin, p.SigmaMax, p.BetaMin, p.BetaMax);
    }



    /// <summary>
    /// The serialisable description of process <paramref name="name"/> with <paramref name="parameters"/> (unset ones
    /// take their defaults): what a trained model records so that it rebuilds its process in a fresh process.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">For an unknown name or parameters out of range.</exception>
    public static ForwardProcessSpec Spec(string name, ProcessParameters parameters) => Settings(name, parameters).ToSpec();

}
