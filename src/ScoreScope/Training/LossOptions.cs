namespace ScoreScope.Training;

/// <summary>A serialisable choice of training objective (see <see cref="IScoreMatchingLoss"/>).</summary>
/// <param name="Kind">The objective.</param>
/// <param name="Times">The distribution of training times; null means uniform on [10⁻³, 1].</param>
/// <param name="Weighting">The named weighting λ(t) (or w(t) for the x̂₀ loss).</param>
/// <param name="Projections">Random projections per sample for sliced score matching.</param>
/// <param name="AntitheticNoise">Antithetic noise pairs (z, −z) for denoising score matching (see <see cref="DenoisingScoreMatchingLoss"/>).</param>
public sealed record LossOptions(
    LossKind Kind = LossKind.DenoisingScoreMatching,
    TimeSampling? Times = null,
    LossWeightingKind Weighting = LossWeightingKind.NoiseVariance,
    int Projections = 1,
    bool AntitheticNoise = true)
{
    /// <summary>The time distribution, defaulting to uniform on [10⁻³, 1].</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public TimeSampling ResolvedTimes => Times ?? new TimeSampling();

    /// <summary>Builds the loss object.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For a custom weighting (build the loss object directly) or invalid options.</exception>
    public IScoreMatchingLoss Build()
    {
        var weighting = LossWeighting.FromKind(Weighting);
        return Kind switch
        {
            LossKind.Denoiser => new DenoiserLoss(ResolvedTimes, weighting),
            LossKind.SlicedScoreMatching => new SlicedScoreMatchingLoss(ResolvedTimes, weighting, Projections),
            _ => new DenoisingScoreMatchingLoss(ResolvedTimes, weighting, AntitheticNoise),
        };
    }
}
