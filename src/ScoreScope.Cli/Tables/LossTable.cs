using ScoreScope.Training;

namespace ScoreScope.Cli.Tables;

/// <summary>The values of <c>--loss</c>, <c>--weighting</c> and <c>--time-sampling</c>, mapped to library loss options.</summary>
public static class LossTable
{
    /// <summary>Loss names: denoising score matching, the x̂₀ (denoiser) loss, sliced score matching.</summary>
    public static IReadOnlyList<string> Names { get; } = ["dsm", "x0", "ssm"];

    /// <summary>Weighting names: λ = b², 1, SNR = a²/b².</summary>
    public static IReadOnlyList<string> WeightingNames { get; } = ["b2", "unit", "snr"];

    /// <summary>Time-sampling names.</summary>
    public static IReadOnlyList<string> TimeSamplingNames { get; } = ["uniform", "log-uniform", "ddpm"];

    /// <summary>The loss options for the named loss, weighting and time sampling on [t_min, t_max].</summary>
    /// <exception cref="ArgumentOutOfRangeException">For an unknown name.</exception>
    public static LossOptions Create(string loss, string weighting, string timeSampling, double tMin, double tMax) => new(
        Kind: loss switch
        {
            "dsm" => LossKind.DenoisingScoreMatching,
            "x0" => LossKind.Denoiser,
            "ssm" => LossKind.SlicedScoreMatching,
            _ => throw Unknown(nameof(loss), loss, Names),
        },
        Times: new TimeSampling(timeSampling switch
        {
            "uniform" => TimeSamplingKind.Uniform,
            "log-uniform" => TimeSamplingKind.LogUniform,
            "ddpm" => TimeSamplingKind.DdpmIndices,
            _ => throw Unknown(nameof(timeSampling), timeSampling, TimeSamplingNames),
        }, tMin, tMax),
        Weighting: weighting switch
        {
            "b2" => LossWeightingKind.NoiseVariance,
            "unit" => LossWeightingKind.Unit,
            "snr" => LossWeightingKind.SignalToNoise,
            _ => throw Unknown(nameof(weighting), weighting, WeightingNames),
        });

    static ArgumentOutOfRangeException Unknown(string what, string value, IReadOnlyList<string> valid) =>
        new(what, value, $"unknown {what} '{value}'; valid: {string.Join(", ", valid)}");
}
