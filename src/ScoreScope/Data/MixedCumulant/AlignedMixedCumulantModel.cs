namespace ScoreScope.Data.MixedCumulant;

/// <summary>
/// The coordinate-aligned, unwhitened mixed cumulant model the diffusion experiments simulate: a ∈ R^d with i.i.d.
/// N(0, 1) entries except a₀ = ν (the non-Gaussian latent along e₀), a₁ = √V·λ (a covariance spike of variance V
/// along e₁; V = 1 means no spike) and a₂ ~ N(μ₂, 1) (the mean spike along e₂, μ₂ = 1 in the code).
/// With correlated latents ν is coupled to λ (a₀ = sign(a₁) for Rademacher), and Cov(a₀, a₁) = √V·E[λν].
/// </summary>
/// <remarks>
/// DiffusionEasy2Hard <c>MCM_twolayer_minimal/data.py</c> (<c>make_data</c>, <c>VAR_cov_spike = 10</c>,
/// mean shift 1.0, <c>correlated_latents</c>); Bardone, Merger &amp; Goldt (2026), arXiv 2603.12901. Spikes:
/// m = e₂, u = e₁, v = e₀.
/// </remarks>
public sealed class AlignedMixedCumulantModel : MixedCumulantModel
{
    /// <summary>The code's covariance-spike variance V = 10.</summary>
    public const double DefaultCovarianceSpikeVariance = 10;

    /// <summary>The aligned model.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For d &lt; 3, V ≤ 0 or a non-finite mean shift.</exception>
    public AlignedMixedCumulantModel(int dimension, LatentLaw latent, bool correlatedLatents,
        double covarianceSpikeVariance = DefaultCovarianceSpikeVariance, double meanShift = 1.0)
        : base(dimension, Coordinate(dimension, 2), Coordinate(dimension, 1), Coordinate(dimension, 0), latent, correlatedLatents)
    {
        if (!(covarianceSpikeVariance > 0) || double.IsInfinity(covarianceSpikeVariance))
            throw new ArgumentOutOfRangeException(nameof(covarianceSpikeVariance), covarianceSpikeVariance, "the covariance-spike variance must be finite and > 0 (1 = no spike).");
        if (!double.IsFinite(meanShift))
            throw new ArgumentOutOfRangeException(nameof(meanShift), meanShift, "the mean shift must be finite.");
        CovarianceSpikeVariance = covarianceSpikeVariance;
        MeanShift = meanShift;
    }

    /// <summary>V, the variance along the covariance spike e₁.</summary>
    public double CovarianceSpikeVariance { get; }

    /// <summary>μ₂, the mean along e₂.</summary>
    public double MeanShift { get; }

    /// <inheritdoc/>
    public override double[] SubspaceMean => [MeanShift, 0, 0];

    /// <inheritdoc/>
    public override double[,] SubspaceCovariance
    {
        get
        {
            double cross = CorrelatedLatents ? Math.Sqrt(CovarianceSpikeVariance) * Latent.CoupledCrossMoment : 0;
            return new double[,] { { 1, 0, 0 }, { 0, CovarianceSpikeVariance, cross }, { 0, cross, 1 } };
        }
    }

    /// <inheritdoc/>
    public override SpikeStatistics StatisticsAlong(MixedCumulantSpike spike) => spike switch
    {
        MixedCumulantSpike.Mean => new(MeanShift, 1, 0, 0),
        MixedCumulantSpike.Covariance => new(0, CovarianceSpikeVariance, 0, 0),
        MixedCumulantSpike.Cumulant => new(0, 1, Latent.Kappa3, Latent.Kappa4),
        _ => throw new ArgumentOutOfRangeException(nameof(spike), spike, "unknown spike."),
    };

    /// <inheritdoc/>
    public override void Sample(Span<double> destination, Random random)
    {
        CheckDestination(destination);
        Numerics.StandardNormalDraws.Fill(random, destination);
        var (lambda, nu) = DrawLatents(random);
        destination[0] = nu;
        destination[1] = Math.Sqrt(CovarianceSpikeVariance) * lambda;
        destination[2] += MeanShift;
    }
}
