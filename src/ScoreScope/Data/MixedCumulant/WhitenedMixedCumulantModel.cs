using System.Numerics.Tensors;

namespace ScoreScope.Data.MixedCumulant;

/// <summary>
/// The whitened mixed cumulant model of Bardone &amp; Goldt (2024):
/// x = √β_m·m + √β_u·λ·u + S(√β_v·ν·v + z), z ~ N(0, I_d), S = I − β_v/(1 + β_v + √(1 + β_v))·vvᵀ, so that
/// S v = v/√(1 + β_v) and Var(v·x) = 1: v is invisible to PCA and lives in the cumulants of order ≥ 3.
/// </summary>
/// <remarks>
/// Bardone &amp; Goldt (2024), "Sliding down the stairs", arXiv 2404.08602, §2; DiffusionEasy2Hard compiled
/// <c>stats/mixed_cumulant.py</c> (<c>sample_mixed_cumulant</c> with <c>only_class_2=True</c>, the mean latent fixed
/// to 1). Along v: κ₃ = κ₃(ν)·r^{3/2}, κ₄ = κ₄(ν)·r², r = β_v/(1 + β_v). With correlated latents the covariance
/// gains √β_u·√r·E[λν] in its (u, v) entries.
/// </remarks>
public sealed class WhitenedMixedCumulantModel : MixedCumulantModel
{
    readonly double[] _m, _u, _v;

    /// <summary>The model with the given orthonormal spikes and signal strengths.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For d &lt; 3 or a negative or non-finite β.</exception>
    /// <exception cref="ArgumentException">When the spikes are not orthonormal vectors of length d.</exception>
    public WhitenedMixedCumulantModel(int dimension, double[] meanSpike, double[] covarianceSpike, double[] cumulantSpike,
        double betaMean, double betaCovariance, double betaCumulant, LatentLaw latent, bool correlatedLatents)
        : base(dimension, meanSpike, covarianceSpike, cumulantSpike, latent, correlatedLatents)
    {
        CheckBeta(betaMean, nameof(betaMean));
        CheckBeta(betaCovariance, nameof(betaCovariance));
        CheckBeta(betaCumulant, nameof(betaCumulant));
        (_m, _u, _v) = ((double[])meanSpike.Clone(), (double[])covarianceSpike.Clone(), (double[])cumulantSpike.Clone());
        BetaMean = betaMean;
        BetaCovariance = betaCovariance;
        BetaCumulant = betaCumulant;
    }

    /// <summary>The model with spikes m = e₂, u = e₁, v = e₀.</summary>
    public static WhitenedMixedCumulantModel CoordinateSpikes(int dimension, double betaMean, double betaCovariance,
        double betaCumulant, LatentLaw latent, bool correlatedLatents) =>
        new(dimension, Coordinate(dimension, 2), Coordinate(dimension, 1), Coordinate(dimension, 0),
            betaMean, betaCovariance, betaCumulant, latent, correlatedLatents);

    /// <summary>
    /// The model with three random orthonormal spikes: Gram–Schmidt on three standard normal vectors drawn from
    /// <paramref name="random"/> (m first, then u, then v).
    /// </summary>
    public static WhitenedMixedCumulantModel RandomSpikes(int dimension, double betaMean, double betaCovariance,
        double betaCumulant, LatentLaw latent, bool correlatedLatents, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (dimension < 3) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "the mixed cumulant model needs d ≥ 3 (three orthogonal spikes).");
        var basis = new double[3][];
        for (int i = 0; i < 3; i++)
        {
            basis[i] = new double[dimension];
            Numerics.StandardNormalDraws.Fill(random, basis[i]);
            for (int j = 0; j < i; j++)
            {
                double dot = TensorPrimitives.Dot<double>(basis[i], basis[j]);
                for (int k = 0; k < dimension; k++) basis[i][k] -= dot * basis[j][k];
            }
            double norm = TensorPrimitives.Norm<double>(basis[i]);
            TensorPrimitives.Divide(basis[i], norm, basis[i]);
        }
        return new(dimension, basis[0], basis[1], basis[2], betaMean, betaCovariance, betaCumulant, latent, correlatedLatents);
    }

    /// <summary>β_m, the squared mean along m.</summary>
    public double BetaMean { get; }

    /// <summary>β_u, the excess variance along u.</summary>
    public double BetaCovariance { get; }

    /// <summary>β_v, the strength of the non-Gaussian latent along v.</summary>
    public double BetaCumulant { get; }

    double Ratio => BetaCumulant / (1 + BetaCumulant);

    /// <inheritdoc/>
    public override double[] SubspaceMean => [Math.Sqrt(BetaMean), 0, 0];

    /// <inheritdoc/>
    public override double[,] SubspaceCovariance
    {
        get
        {
            double cross = CorrelatedLatents ? Math.Sqrt(BetaCovariance * Ratio) * Latent.CoupledCrossMoment : 0;
            return new double[,] { { 1, 0, 0 }, { 0, 1 + BetaCovariance, cross }, { 0, cross, 1 } };
        }
    }

    /// <inheritdoc/>
    public override SpikeStatistics StatisticsAlong(MixedCumulantSpike spike) => spike switch
    {
        MixedCumulantSpike.Mean => new(Math.Sqrt(BetaMean), 1, 0, 0),
        MixedCumulantSpike.Covariance => new(0, 1 + BetaCovariance, 0, 0),
        MixedCumulantSpike.Cumulant => new(0, 1, Latent.Kappa3 * Math.Pow(Ratio, 1.5), Latent.Kappa4 * Ratio * Ratio),
        _ => throw new ArgumentOutOfRangeException(nameof(spike), spike, "unknown spike."),
    };

    /// <inheritdoc/>
    public override void Sample(Span<double> destination, Random random)
    {
        CheckDestination(destination);
        Numerics.StandardNormalDraws.Fill(random, destination);
        var (lambda, nu) = DrawLatents(random);
        double zv = TensorPrimitives.Dot<double>(destination, _v);
        double alongV = (Math.Sqrt(BetaCumulant) * nu + zv) / Math.Sqrt(1 + BetaCumulant);
        double cv = alongV - zv, cu = Math.Sqrt(BetaCovariance) * lambda, cm = Math.Sqrt(BetaMean);
        for (int k = 0; k < destination.Length; k++) destination[k] += cv * _v[k] + cu * _u[k] + cm * _m[k];
    }

    static void CheckBeta(double beta, string name)
    {
        if (!(beta >= 0) || double.IsInfinity(beta))
            throw new ArgumentOutOfRangeException(name, beta, "signal strengths β must be finite and ≥ 0.");
    }
}
