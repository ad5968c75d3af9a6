namespace ScoreScope.Cli.Tables;

/// <summary>
/// The process parameters a user can type (<c>--sigma-min</c>, <c>--sigma-max</c>, <c>--beta-min</c>,
/// <c>--beta-max</c>); null means unset (or not used by the chosen process).
/// </summary>
public sealed record ProcessParameters(double? SigmaMin, double? SigmaMax, double? BetaMin, double? BetaMax)
{
    /// <summary>The value of option <paramref name="key"/> (one of <see cref="ScoreScope.Processes.ProcessSettings.Keys"/>).</summary>
    public double? this[string key] => AsSettings()[key];

    /// <summary>These parameters with <paramref name="key"/> unset.</summary>
    public ProcessParameters Without(string key)
    {
        var s = AsSettings().Without(key);
        return new ProcessParameters(s.SigmaMin, s.SigmaMax, s.BetaMin, s.BetaMax);
    }

    ScoreScope.Processes.ProcessSettings AsSettings() => new("ve", SigmaMin, SigmaMax, BetaMin, BetaMax);
}
