using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Data;

/// <summary>
/// A Gaussian "clone" of a data set of points [n, d]: N(μ̂, Σ̂) with the sample mean and the sample covariance (divisor
/// n − 1), or the mean clone N(μ̂, I). A denoiser's loss on the clones against held-out data shows which statistics it
/// uses: a gap to N(μ̂, Σ̂) means higher-order statistics (Refinetti, Ingrosso &amp; Goldt 2023; Bardone, Merger &amp;
/// Goldt 2026, arXiv 2603.12901, image experiment; DiffusionEasy2Hard <c>stats/Gaussian.py</c>).
/// </summary>
/// <remarks>
/// Σ̂ is factorised as V·diag(λ)·Vᵀ in float64 (<c>linalg.eigh</c>) with negative rounding-level eigenvalues set to 0,
/// so singular covariances (MNIST's always-blank border pixels) are sampled exactly: x = μ̂ + V·diag(√λ)·z.
/// </remarks>
public sealed class EmpiricalGaussianClone : IDisposable
{
    readonly Tensor _mean;
    readonly Tensor? _factor;

    EmpiricalGaussianClone(Tensor mean, Tensor? factor) => (_mean, _factor) = (mean, factor);

    /// <summary>N(μ̂, Σ̂) of <paramref name="points"/> [n, d] (n ≥ 2).</summary>
    /// <exception cref="ArgumentException">Unless the points are a finite [n, d] tensor with n ≥ 2.</exception>
    public static EmpiricalGaussianClone FullCovariance(Tensor points)
    {
        using var scope = NewDisposeScope();
        var x = Check(points);
        var mean = x.mean([0]);
        var centred = x.sub(mean);
        var covariance = centred.t().matmul(centred).Divide(x.shape[0] - 1);
        var (values, vectors) = linalg.eigh(covariance);
        var factor = vectors.mul(values.clamp_min(CachedScalars.Zero).sqrt().unsqueeze(0));
        return new EmpiricalGaussianClone(mean.MoveToOuterDisposeScope(), factor.MoveToOuterDisposeScope());
    }

    /// <summary>The mean clone N(μ̂, I) of <paramref name="points"/> [n, d] (n ≥ 2; the image code's convention).</summary>
    public static EmpiricalGaussianClone IdentityCovariance(Tensor points)
    {
        using var scope = NewDisposeScope();
        var mean = Check(points).mean([0]);
        return new EmpiricalGaussianClone(mean.MoveToOuterDisposeScope(), null);
    }

    /// <summary>d.</summary>
    public long Dimension => _mean.shape[0];

    /// <summary>μ̂ (float64, [d]).</summary>
    public Tensor Mean => _mean;

    /// <summary><paramref name="count"/> float64 draws [count, d], every normal from <paramref name="generator"/>.</summary>
    public Tensor Sample(long count, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        using var scope = NewDisposeScope();
        var z = randn([count, Dimension], dtype: ScalarType.Float64, generator: generator);
        var x = (_factor is null ? z : z.matmul(_factor.t())).Add(_mean);
        return x.MoveToOuterDisposeScope();
    }

    static Tensor Check(Tensor points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.dim() != 2 || points.shape[0] < 2)
            throw new ArgumentException($"a clone needs points [n, d] with n ≥ 2; got shape [{string.Join(", ", points.shape)}].", nameof(points));
        var x = points.to_type(ScalarType.Float64);
        if (!x.isfinite().all().item<bool>()) throw new ArgumentException("the points contain non-finite values.", nameof(points));
        return x;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _mean.Dispose();
        _factor?.Dispose();
    }
}
