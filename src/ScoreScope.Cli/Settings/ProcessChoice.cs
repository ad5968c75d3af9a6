using System.Text.Json.Serialization;
using ScoreScope.Cli.Tables;

namespace ScoreScope.Cli.Settings;

/// <summary>
/// The forward process a settings record chooses, as typed by the user: its name and the four parameters of
/// <see cref="ScoreScope.Processes.ProcessSettings"/> (null when not given or not used by the process; omitted in JSON).
/// The one declaration of these <c>config.json</c> keys, shared by <see cref="SampleSettings"/> and
/// <see cref="TrainSettings"/>; defaults and ranges live in the library's <see cref="ScoreScope.Processes.ProcessSettings"/>.
/// </summary>
public abstract record ProcessChoice
{
    /// <summary><c>ve</c>, <c>vp</c>, <c>vp-cosine</c> or <c>subvp</c>.</summary>
    public string Process { get; init; } = "vp";

    /// <summary>σ_min of the geometric VE process (ve only).</summary>
    public double? SigmaMin { get; init; }

    /// <summary>σ_max of the geometric VE process (ve only).</summary>
    public double? SigmaMax { get; init; }

    /// <summary>β_min of the linear β schedule (vp, subvp).</summary>
    public double? BetaMin { get; init; }

    /// <summary>β_max of the linear β schedule (vp, subvp) or the clip value of the cosine schedule (vp-cosine).</summary>
    public double? BetaMax { get; init; }

    /// <summary>The four process parameters as one value.</summary>
    [JsonIgnore]
    public ProcessParameters ProcessParameters => new(SigmaMin, SigmaMax, BetaMin, BetaMax);
}
