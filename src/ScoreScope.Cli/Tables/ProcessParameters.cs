using ScoreScope.Cli.Settings;

namespace ScoreScope.Cli.Tables;

/// <summary>
/// The process parameters a user can type (<c>--sigma-min</c>, <c>--sigma-max</c>, <c>--beta-min</c>,
/// <c>--beta-max</c>); null means unset (or not used by the chosen process).
/// </summary>
public sealed record ProcessParameters(double? SigmaMin, double? SigmaMax, double? BetaMin, double? BetaMax)
{
    /// <summary>The parameters of sample settings.</summary>
    public static ProcessParameters Of(SampleSettings s) => new(s.SigmaMin, s.SigmaMax, s.BetaMin, s.BetaMax);

    /// <summary>The parameters of train settings.</summary>
    public static ProcessParameters Of(TrainSettings s) => new(s.SigmaMin, s.SigmaMax, s.BetaMin, s.BetaMax);

    /// <summary>Sample settings with these parameters.</summary>
    public SampleSettings ApplyTo(SampleSettings s) =>
        s with { SigmaMin = SigmaMin, SigmaMax = SigmaMax, BetaMin = BetaMin, BetaMax = BetaMax };

    /// <summary>Train settings with these parameters.</summary>
    public TrainSettings ApplyTo(TrainSettings s) =>
        s with { SigmaMin = SigmaMin, SigmaMax = SigmaMax, BetaMin = BetaMin, BetaMax = BetaMax };

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
