using System.Numerics.Tensors;

namespace ScoreScope.Data.MixedCumulant;

/// <summary>
/// The Gaussian clone of a mixed cumulant model: N(μ, Σ) with the model's exact mean and covariance, optionally
/// without the latent cross-covariance Cov(u·x, v·x) of correlated latents. Any gap between a denoiser's loss on the
/// model and on this clone measures its use of cumulants of order ≥ 3.
/// </summary>
/// <remarks>
/// Refinetti, Ingrosso &amp; Goldt (2023), "Neural networks trained with SGD learn distributions of increasing
/// complexity", ICML; Bardone, Merger &amp; Goldt (2026). The public MCM code (<c>make_noised_mean_cov</c>) omits the
/// cross-covariance, i.e. <c>includeLatentCrossCovariance: false</c>; with independent latents both choices agree.
/// A draw costs d normal draws: the components of z along the spike basis are replaced by μ_B + L·(Bᵀz), L the
/// Cholesky factor of the 3×3 subspace covariance.
/// </remarks>
public sealed class GaussianClone : IPointSampler
{
    readonly double[][] _basis;
    readonly double[] _mean;
    readonly double[,] _cholesky;

    /// <summary>The clone of <paramref name="model"/>.</summary>
    public GaussianClone(MixedCumulantModel model, bool includeLatentCrossCovariance)
    {
        ArgumentNullException.ThrowIfNull(model);
        Dimension = model.Dimension;
        IncludesLatentCrossCovariance = includeLatentCrossCovariance;
        _basis = [.. Enum.GetValues<MixedCumulantSpike>().Select(s => model.Direction(s).ToArray())];
        _mean = model.SubspaceMean;
        var c = model.SubspaceCovariance;
        if (!includeLatentCrossCovariance) { c[1, 2] = 0; c[2, 1] = 0; }
        SubspaceCovariance = (double[,])c.Clone();
        _cholesky = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(c).Cholesky().Factor.ToArray();
    }

    /// <inheritdoc/>
    public int Dimension { get; }

    /// <summary>Whether Cov(u·x, v·x) of correlated latents is kept.</summary>
    public bool IncludesLatentCrossCovariance { get; }

    /// <summary>The 3×3 covariance of the clone in the spike basis (m, u, v).</summary>
    public double[,] SubspaceCovariance { get; }

    /// <inheritdoc/>
    public void Sample(Span<double> destination, Random random)
    {
        if (destination.Length != Dimension)
            throw new ArgumentException($"destination has length {destination.Length}; expected d = {Dimension}.", nameof(destination));
        Numerics.StandardNormalDraws.Fill(random, destination);
        Span<double> p = stackalloc double[3];
        for (int i = 0; i < 3; i++) p[i] = TensorPrimitives.Dot<double>(destination, _basis[i]);
        for (int i = 0; i < 3; i++)
        {
            double target = _mean[i];
            for (int j = 0; j <= i; j++) target += _cholesky[i, j] * p[j];
            double shift = target - p[i];
            for (int k = 0; k < destination.Length; k++) destination[k] += shift * _basis[i][k];
        }
    }
}
