using ScoreScope.Data.MixedCumulant;
using ScoreScope.SimplicityBias;

namespace ScoreScope.Experiments.MixedCumulants;

/// <summary>
/// One learning problem of <c>reproduce mcm</c>: a coordinate-aligned mixed cumulant model (Bardone, Merger &amp; Goldt
/// 2026, arXiv 2603.12901; DiffusionEasy2Hard <c>data.py</c>, mean shift 0 here), the spike whose overlap defines
/// escape, the information exponent k* that sets the learning-rate scaling η = η₀·d^{1 − k*/2} and the exponent γ the
/// theory predicts for the escape time n ∝ d^γ with its acceptance window (issue 15).
/// </summary>
/// <param name="Name">Short name used in file names (covariance, independent, correlated).</param>
/// <param name="Description">One line: the data and why the spike is attractive.</param>
/// <param name="Spike">The spike whose overlap is tracked for escape.</param>
/// <param name="Order">k* of the learning problem (2 or 4).</param>
/// <param name="Model">The model at dimension d.</param>
/// <param name="ExpectedExponent">The theory's γ (1 for k* = 2 up to a log, 3 for k* = 4).</param>
/// <param name="Window">The acceptance window of the fitted γ.</param>
public sealed record MixedCumulantCase(string Name, string Description, MixedCumulantSpike Spike, int Order,
    Func<int, MixedCumulantModel> Model, double ExpectedExponent, (double Low, double High) Window)
{
    /// <summary>η = η₀·d^{1 − k*/2} with η₀ the pairwise or quartic base rate of <paramref name="settings"/>.</summary>
    public double LearningRate(MixedCumulantSettings settings, int dimension)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return EscapeTimeSweep.LearningRate(Order == 2 ? settings.PairwiseLearningRate : settings.QuarticLearningRate, dimension, Order);
    }

    /// <summary>The sweep dimensions of this case.</summary>
    public int[] Dimensions(MixedCumulantSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Order == 2 ? settings.SweepPairwiseDimensions : settings.SweepQuarticDimensions;
    }

    /// <summary>The per-replica step budget of this case's sweep.</summary>
    public long Budget(MixedCumulantSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Order == 2 ? settings.SweepPairwiseBudget : settings.SweepQuarticBudget;
    }

    /// <summary>
    /// The three cases: (a) a covariance spike of variance V &lt; 1 along u (k* = 2), (b) the three-mixture(a) latent
    /// along v independent of λ (k* = 4), (c) the same latent coupled to λ (ν = sign(λ)|ν′|) with V = 1, so that the
    /// cross-covariance √V·E[λν] puts v into the second-order statistics (the attractive direction (u − v)/√2 has
    /// overlap 1/√2 with v).
    /// </summary>
    public static IReadOnlyList<MixedCumulantCase> All(MixedCumulantSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        double variance = settings.CovarianceSpikeVariance, a = settings.MixtureWeight;
        return
        [
            new("covariance", $"covariance spike u with variance V = {variance:G3} (< 1: attractive for φ₂ > 0); ν Gaussian",
                MixedCumulantSpike.Covariance, 2, d => new AlignedMixedCumulantModel(d, new GaussianLatentLaw(), false, variance, 0),
                1, (0.7, 1.5)),
            new("independent", $"three-mixture(a = {a:G3}) latent along v (κ₄ = {1 / (2 * a) - 3:G4} > 0: attractive for φ₄ < 0), independent of λ; V = 1",
                MixedCumulantSpike.Cumulant, 4, d => new AlignedMixedCumulantModel(d, new ThreeMixtureLaw(a), false, 1, 0),
                3, (2.4, 3.6)),
            new("correlated", $"three-mixture(a = {a:G3}) latent along v coupled to λ (ν = sign(λ)|ν′|); V = 1, Cov(u·a, v·a) = E[λν]",
                MixedCumulantSpike.Cumulant, 2, d => new AlignedMixedCumulantModel(d, new ThreeMixtureLaw(a), true, 1, 0),
                1, (0.7, 1.5)),
        ];
    }
}
