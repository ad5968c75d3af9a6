using System.Globalization;

namespace ScoreScope.Processes;

/// <summary>
/// The built-in forward processes as a user chooses them — a name and its parameters — with the defaults and the
/// range checks in one place, shared by every command and config file: <c>ve</c> (geometric VE,
/// σ(t) = σ_min(σ_max/σ_min)^t; Song et al. 2021, Eq. 9), <c>vp</c> (linear β; Ho et al. 2020, Song et al. 2021, Eq. 11),
/// <c>vp-cosine</c> (Nichol &amp; Dhariwal 2021, β clipped at β_max) and <c>subvp</c> (Song et al. 2021, Eq. 12).
/// Parameters a process does not use are null; a null parameter it uses takes the default. The keys are the
/// parameter names as options and config keys spell them: <c>sigma-min</c>, <c>sigma-max</c>, <c>beta-min</c>,
/// <c>beta-max</c>.
/// </summary>
/// <param name="Process">The process name, one of <see cref="Names"/>.</param>
/// <param name="SigmaMin">σ_min of <c>ve</c>.</param>
/// <param name="SigmaMax">σ_max of <c>ve</c>.</param>
/// <param name="BetaMin">β_min of <c>vp</c> and <c>subvp</c>.</param>
/// <param name="BetaMax">β_max of <c>vp</c> and <c>subvp</c>, or the clip value of <c>vp-cosine</c>.</param>
public sealed record ProcessSettings(string Process = "vp", double? SigmaMin = null, double? SigmaMax = null,
    double? BetaMin = null, double? BetaMax = null)
{
    /// <summary>Default σ_min of the geometric VE process (score_sde's VESDE).</summary>
    public const double DefaultSigmaMin = 0.01;

    /// <summary>Default σ_max of the geometric VE process (score_sde's VESDE).</summary>
    public const double DefaultSigmaMax = 50.0;

    /// <summary>Default β_min of the linear β schedule (score_sde's VPSDE).</summary>
    public const double DefaultBetaMin = 0.1;

    /// <summary>Default β_max of the linear schedule and clip value of the cosine schedule.</summary>
    public const double DefaultBetaMax = 20.0;

    /// <summary>Every process name, in help order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["ve", "vp", "vp-cosine", "subvp"];

    /// <summary>Every parameter key, in help order.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["sigma-min", "sigma-max", "beta-min", "beta-max"];

    /// <summary>The parameter keys that process <paramref name="name"/> uses (none for an unknown name).</summary>
    public static IReadOnlyList<string> ParameterKeys(string name) => name switch
    {
        "ve" => ["sigma-min", "sigma-max"],
        "vp" or "subvp" => ["beta-min", "beta-max"],
        "vp-cosine" => ["beta-max"],
        _ => [],
    };

    /// <summary>The value of parameter <paramref name="key"/> (null when unset).</summary>
    /// <exception cref="ArgumentOutOfRangeException">For a key not in <see cref="Keys"/>.</exception>
    public double? this[string key] => key switch
    {
        "sigma-min" => SigmaMin,
        "sigma-max" => SigmaMax,
        "beta-min" => BetaMin,
        "beta-max" => BetaMax,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, $"unknown process parameter; valid: {string.Join(", ", Keys)}"),
    };

    /// <summary>These settings with parameter <paramref name="key"/> unset.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For a key not in <see cref="Keys"/>.</exception>
    public ProcessSettings Without(string key) => key switch
    {
        "sigma-min" => this with { SigmaMin = null },
        "sigma-max" => this with { SigmaMax = null },
        "beta-min" => this with { BetaMin = null },
        "beta-max" => this with { BetaMax = null },
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, $"unknown process parameter; valid: {string.Join(", ", Keys)}"),
    };

    /// <summary>
    /// The library parameter name of option key <paramref name="key"/> (<c>sigma-min</c> → <c>sigmaMin</c>), as the
    /// process constructors name their arguments in exceptions.
    /// </summary>
    public static string ParameterNameOf(string key) =>
        string.Concat(key.Split('-').Select((part, i) => i == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));

    /// <summary>These settings with the parameters of <see cref="Process"/> that are unset taking their defaults and the others null.</summary>
    public ProcessSettings WithDefaults()
    {
        var keys = ParameterKeys(Process);
        return this with
        {
            SigmaMin = keys.Contains("sigma-min") ? SigmaMin ?? DefaultSigmaMin : null,
            SigmaMax = keys.Contains("sigma-max") ? SigmaMax ?? DefaultSigmaMax : null,
            BetaMin = keys.Contains("beta-min") ? BetaMin ?? DefaultBetaMin : null,
            BetaMax = keys.Contains("beta-max") ? BetaMax ?? DefaultBetaMax : null,
        };
    }

    /// <summary>
    /// Checks the name and the ranges of the parameters that are set: σ_min &gt; 0, σ_max &gt; σ_min, β_min ≥ 0,
    /// β_max &gt; 0 and β_max ≥ β_min (an unset σ_min or β_min counts as 0 here; call on <see cref="WithDefaults"/> to check
    /// against the defaults).
    /// </summary>
    /// <param name="describe">How messages name a parameter key (default: the key itself, e.g. <c>sigma-max</c>).</param>
    /// <exception cref="ArgumentOutOfRangeException">With the offending key as ParamName and its value as ActualValue.</exception>
    public void Validate(Func<string, string>? describe = null)
    {
        describe ??= key => key;
        if (!Names.Contains(Process))
            throw new ArgumentOutOfRangeException("process", Process, $"{describe("process")}: unknown value '{Process}'; valid: {string.Join(", ", Names)}");
        if (SigmaMin is { } sigmaMin && !(sigmaMin > 0 && double.IsFinite(sigmaMin)))
            throw new ArgumentOutOfRangeException("sigma-min", sigmaMin, $"{describe("sigma-min")} must be > 0");
        if (SigmaMax is { } sigmaMax && !(sigmaMax > (SigmaMin ?? 0) && double.IsFinite(sigmaMax)))
            throw new ArgumentOutOfRangeException("sigma-max", sigmaMax, $"{describe("sigma-max")} must be > {describe("sigma-min")} = {F(SigmaMin ?? 0)}");
        if (BetaMin is { } betaMin && !(betaMin >= 0 && double.IsFinite(betaMin)))
            throw new ArgumentOutOfRangeException("beta-min", betaMin, $"{describe("beta-min")} must be ≥ 0");
        if (BetaMax is { } betaMax && !(betaMax > 0 && betaMax >= (BetaMin ?? 0) && double.IsFinite(betaMax)))
            throw new ArgumentOutOfRangeException("beta-max", betaMax, $"{describe("beta-max")} must be > 0 and ≥ {describe("beta-min")} = {F(BetaMin ?? 0)}");
    }

    /// <summary>The serialisable description of the process (unset parameters take their defaults), checked.</summary>
    /// <exception cref="ArgumentOutOfRangeException">As <see cref="Validate"/>.</exception>
    public ForwardProcessSpec ToSpec()
    {
        var p = WithDefaults();
        p.Validate();
        return Process switch
        {
            "ve" => ForwardProcessSpec.VarianceExplodingGeometric(p.SigmaMin!.Value, p.SigmaMax!.Value),
            "vp" => ForwardProcessSpec.VariancePreservingLinear(p.BetaMin!.Value, p.BetaMax!.Value),
            "vp-cosine" => ForwardProcessSpec.VariancePreservingCosine(betaMax: p.BetaMax!.Value),
            _ => ForwardProcessSpec.SubVariancePreservingLinear(p.BetaMin!.Value, p.BetaMax!.Value),
        };
    }

    /// <summary>Builds the forward process.</summary>
    /// <exception cref="ArgumentOutOfRangeException">As <see cref="Validate"/>.</exception>
    public ForwardProcess Build() => ToSpec().Build();

    static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
