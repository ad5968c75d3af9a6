using MathNet.Numerics.LinearAlgebra;

namespace ScoreScope.Data.MixedCumulant;

/// <summary>
/// The mixed cumulant model (MCM): data in R^d that is standard Gaussian except in the span of three orthonormal
/// spikes — m carrying the mean, u a covariance spike with Gaussian latent λ, and v a non-Gaussian latent ν of a
/// <see cref="LatentLaw"/> — with independent or correlated (λ, ν). Exact mean, covariance and cumulants along the
/// spikes are properties, so that samples can be checked against them.
/// </summary>
/// <remarks>
/// Bardone &amp; Goldt (2024), arXiv 2404.08602, §2; Bardone, Merger &amp; Goldt (2026), arXiv 2603.12901. See
/// <see cref="WhitenedMixedCumulantModel"/> (the 2024 definition) and <see cref="AlignedMixedCumulantModel"/> (the
/// version the diffusion code simulates). Outside the span of the spikes the data is N(0, I) and independent of it.
/// </remarks>
public abstract class MixedCumulantModel : IPointSampler
{
    readonly double[][] _spikes;

    /// <summary>Stores the common parts; checks that the spikes are orthonormal vectors of length d.</summary>
    /// <exception cref="ArgumentException">When the spikes have the wrong length or are not orthonormal (tolerance 1e-9).</exception>
    /// <exception cref="ArgumentOutOfRangeException">For d &lt; 3.</exception>
    protected MixedCumulantModel(int dimension, double[] meanSpike, double[] covarianceSpike, double[] cumulantSpike,
        LatentLaw latent, bool correlatedLatents)
    {
        if (dimension < 3) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "the mixed cumulant model needs d ≥ 3 (three orthogonal spikes).");
        ArgumentNullException.ThrowIfNull(latent);
        _spikes = [meanSpike, covarianceSpike, cumulantSpike];
        for (int i = 0; i < 3; i++)
        {
            ArgumentNullException.ThrowIfNull(_spikes[i]);
            if (_spikes[i].Length != dimension)
                throw new ArgumentException($"spike {(MixedCumulantSpike)i} has length {_spikes[i].Length}; expected d = {dimension}.");
            for (int j = 0; j <= i; j++)
            {
                double dot = Dot(_spikes[i], _spikes[j]);
                if (Math.Abs(dot - (i == j ? 1 : 0)) > 1e-9)
                    throw new ArgumentException($"spikes must be orthonormal: {(MixedCumulantSpike)i}·{(MixedCumulantSpike)j} = {dot}.");
            }
        }
        Dimension = dimension;
        Latent = latent;
        CorrelatedLatents = correlatedLatents;
    }

    /// <inheritdoc/>
    public int Dimension { get; }

    /// <summary>The law of the non-Gaussian latent ν.</summary>
    public LatentLaw Latent { get; }

    /// <summary>Whether ν is coupled to λ (<see cref="LatentLaw.SampleCoupled"/>) instead of independent.</summary>
    public bool CorrelatedLatents { get; }

    /// <summary>The unit vector of a spike.</summary>
    public ReadOnlySpan<double> Direction(MixedCumulantSpike spike) => _spikes[(int)spike];

    /// <summary>E[(m·x, u·x, v·x)], the mean in the spike basis (m, u, v).</summary>
    public abstract double[] SubspaceMean { get; }

    /// <summary>The 3×3 covariance of (m·x, u·x, v·x); off-diagonal (u, v) is the latent cross-covariance.</summary>
    public abstract double[,] SubspaceCovariance { get; }

    /// <summary>The exact statistics of the projection on a spike.</summary>
    public abstract SpikeStatistics StatisticsAlong(MixedCumulantSpike spike);

    /// <summary>The exact mean vector μ (length d).</summary>
    public double[] Mean()
    {
        var mean = new double[Dimension];
        var sub = SubspaceMean;
        for (int i = 0; i < 3; i++)
            for (int k = 0; k < Dimension; k++) mean[k] += sub[i] * _spikes[i][k];
        return mean;
    }

    /// <summary>The exact covariance Σ = I + B(C − I₃)Bᵀ, with B the d×3 spike basis and C <see cref="SubspaceCovariance"/>.</summary>
    public Matrix<double> Covariance()
    {
        var sigma = Matrix<double>.Build.DenseIdentity(Dimension);
        var c = SubspaceCovariance;
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
            {
                double excess = c[i, j] - (i == j ? 1 : 0);
                if (excess == 0) continue;
                for (int k = 0; k < Dimension; k++)
                    for (int l = 0; l < Dimension; l++) sigma[k, l] += excess * _spikes[i][k] * _spikes[j][l];
            }
        return sigma;
    }

    /// <summary>tr Σ = d − 3 + tr C.</summary>
    public double CovarianceTrace
    {
        get
        {
            var c = SubspaceCovariance;
            return Dimension - 3 + c[0, 0] + c[1, 1] + c[2, 2];
        }
    }

    /// <inheritdoc/>
    public abstract void Sample(Span<double> destination, Random random);

    /// <summary>Throws unless <paramref name="destination"/> has length d.</summary>
    protected void CheckDestination(Span<double> destination)
    {
        if (destination.Length != Dimension)
            throw new ArgumentException($"destination has length {destination.Length}; expected d = {Dimension}.", nameof(destination));
    }

    /// <summary>The pair (λ, ν): λ ~ N(0, 1) and ν independent of it or coupled to it.</summary>
    protected (double Lambda, double Nu) DrawLatents(Random random)
    {
        double lambda = Numerics.StandardNormalDraws.Next(random);
        double nu = CorrelatedLatents ? Latent.SampleCoupled(lambda, random) : Latent.Sample(random);
        return (lambda, nu);
    }

    static double Dot(double[] a, double[] b) => System.Numerics.Tensors.TensorPrimitives.Dot<double>(a, b);

    /// <summary>The coordinate unit vector e_i in R^d.</summary>
    protected static double[] Coordinate(int dimension, int index)
    {
        if (dimension < 3) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "the mixed cumulant model needs d ≥ 3 (three orthogonal spikes).");
        var e = new double[dimension];
        e[index] = 1;
        return e;
    }
}
