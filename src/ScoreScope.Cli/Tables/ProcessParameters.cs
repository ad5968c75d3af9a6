namespace ScoreScope.Cli.Tables;

/// <summary>
/// The process parameters a user can type (<c>--sigma-min</c>, <c>--sigma-max</c>, <c>--beta-min</c>,
/// <c>--beta-max</c>); null means unset (or not used by the chosen process).
/// </summary>
public sealed record ProcessParameters(double? SigmaMin, double? SigmaMax, double? BetaMin, double? BetaMax)
{
    /// <summary>The value of option <paramref name="key"/> (<c>sigma-min</c>, …).</summary>
    public double? this[string key] => key switch
    {
        "sigma-min" => SigmaMin,
        "sigma-max" => SigmaMax,
        "beta-min" => BetaMin,
        "beta-max" => BetaMax,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "unknown process parameter"),
    };
}
