using System.Text.Json.Serialization;

namespace ScoreScope.Processes;

/// <summary>
/// A serialisable description of a built-in <see cref="ForwardProcess"/> (kind plus the parameters that kind uses), so
/// that a saved model rebuilds its process in a fresh process. Parameters a kind does not use stay null; a null
/// parameter a kind uses takes that factory's default.
/// </summary>
/// <param name="Kind">The process family.</param>
/// <param name="SigmaMin">σ_min of a geometric VE process.</param>
/// <param name="SigmaMax">σ_max of a geometric VE process.</param>
/// <param name="DiffusionBase">σ of a VE or VP process with g(t) = σ^t.</param>
/// <param name="BetaMin">β_min of a linear VP or sub-VP schedule.</param>
/// <param name="BetaMax">β_max of a linear or cosine schedule.</param>
/// <param name="Offset">The offset s of the cosine schedule.</param>
/// <param name="Beta">The constant β of an Ornstein–Uhlenbeck process.</param>
public sealed record ForwardProcessSpec(
    ForwardProcessKind Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? SigmaMin = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? SigmaMax = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? DiffusionBase = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? BetaMin = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? BetaMax = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Offset = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Beta = null)
{
    /// <summary>Geometric VE, σ(t) = σ_min(σ_max/σ_min)^t (Song et al. 2021, Eq. 9).</summary>
    public static ForwardProcessSpec VarianceExplodingGeometric(double sigmaMin = ProcessSettings.DefaultSigmaMin, double sigmaMax = ProcessSettings.DefaultSigmaMax) =>
        new(ForwardProcessKind.VarianceExplodingGeometric, SigmaMin: sigmaMin, SigmaMax: sigmaMax);

    /// <summary>VE with g(t) = σ^t (Aarts et al. 2024, arXiv 2410.21212, who use σ = 10).</summary>
    public static ForwardProcessSpec VarianceExplodingDiffusionBase(double sigma = 10.0) =>
        new(ForwardProcessKind.VarianceExplodingDiffusionBase, DiffusionBase: sigma);

    /// <summary>VP with g(t) = σ^t, i.e. β(t) = σ^{2t} (Aarts et al. 2024, arXiv 2410.21212, who use σ = 10).</summary>
    public static ForwardProcessSpec VariancePreservingDiffusionBase(double sigma = 10.0) =>
        new(ForwardProcessKind.VariancePreservingDiffusionBase, DiffusionBase: sigma);

    /// <summary>VP with linear β(t) (Ho et al. 2020; Song et al. 2021, Eq. 11).</summary>
    public static ForwardProcessSpec VariancePreservingLinear(double betaMin = ProcessSettings.DefaultBetaMin, double betaMax = ProcessSettings.DefaultBetaMax) =>
        new(ForwardProcessKind.VariancePreservingLinear, BetaMin: betaMin, BetaMax: betaMax);

    /// <summary>VP with the cosine schedule (Nichol &amp; Dhariwal 2021).</summary>
    public static ForwardProcessSpec VariancePreservingCosine(double offset = 0.008, double betaMax = ProcessSettings.DefaultBetaMax) =>
        new(ForwardProcessKind.VariancePreservingCosine, Offset: offset, BetaMax: betaMax);

    /// <summary>Ornstein–Uhlenbeck, constant β.</summary>
    public static ForwardProcessSpec OrnsteinUhlenbeck(double beta = 1.0) =>
        new(ForwardProcessKind.OrnsteinUhlenbeck, Beta: beta);

    /// <summary>Sub-VP with linear β(t) (Song et al. 2021, Eq. 12).</summary>
    public static ForwardProcessSpec SubVariancePreservingLinear(double betaMin = ProcessSettings.DefaultBetaMin, double betaMax = ProcessSettings.DefaultBetaMax) =>
        new(ForwardProcessKind.SubVariancePreservingLinear, BetaMin: betaMin, BetaMax: betaMax);

    /// <summary>Builds the process.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For an unknown kind or parameters the factory rejects.</exception>
    public ForwardProcess Build() => Kind switch
    {
        ForwardProcessKind.VarianceExplodingGeometric => VarianceExplodingProcess.Geometric(SigmaMin ?? ProcessSettings.DefaultSigmaMin, SigmaMax ?? ProcessSettings.DefaultSigmaMax),
        ForwardProcessKind.VarianceExplodingDiffusionBase => VarianceExplodingProcess.WithDiffusionBase(DiffusionBase ?? 10.0),
        ForwardProcessKind.VariancePreservingLinear => VariancePreservingProcess.WithBetaRange(BetaMin ?? ProcessSettings.DefaultBetaMin, BetaMax ?? ProcessSettings.DefaultBetaMax),
        ForwardProcessKind.VariancePreservingCosine => VariancePreservingProcess.Cosine(Offset ?? 0.008, BetaMax ?? ProcessSettings.DefaultBetaMax),
        ForwardProcessKind.OrnsteinUhlenbeck => VariancePreservingProcess.OrnsteinUhlenbeck(Beta ?? 1.0),
        ForwardProcessKind.SubVariancePreservingLinear => SubVariancePreservingProcess.WithBetaRange(BetaMin ?? ProcessSettings.DefaultBetaMin, BetaMax ?? ProcessSettings.DefaultBetaMax),
        ForwardProcessKind.VariancePreservingDiffusionBase => VariancePreservingProcess.WithDiffusionBase(DiffusionBase ?? 10.0),
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Unknown forward process kind."),
    };
}
