using ScoreScope.Data;
using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Cli.Tables;

/// <summary>The named datasets of the CLI (<c>--data gmm8 | gaussian10</c>), all with exact scores.</summary>
public static class BuiltInDatasets
{
    /// <summary>The fixed seed from which <see cref="Gaussian10"/>'s mean and covariance are drawn.</summary>
    public const ulong Gaussian10Seed = 10;

    /// <summary>The dimension of <see cref="Gaussian10"/>.</summary>
    public const int Gaussian10Dimension = 10;

    /// <summary><c>gmm8</c>: 8 equal-weight 2-D Gaussians with means 4·(cos 2πk/8, sin 2πk/8) and standard deviation 0.5.</summary>
    public static GaussianMixtureDistribution Gmm8() => GaussianMixtureDistribution.Ring();

    /// <summary>
    /// <c>gaussian10</c>: a fixed 10-D Gaussian N(μ, Σ) with non-diagonal covariance Σ = A·Aᵀ/10 + ¼·I, where the
    /// entries of μ and of the 10×10 matrix A are standard normal draws (μ first, then A row by row) from a CPU
    /// generator seeded with <see cref="Gaussian10Seed"/>. The ¼·I term bounds the eigenvalues of Σ below by ¼.
    /// </summary>
    public static GaussianDistribution Gaussian10()
    {
        using var scope = NewDisposeScope();
        using var generator = Seeds.Generator(Gaussian10Seed);
        var mean = randn([Gaussian10Dimension], dtype: ScalarType.Float64, device: CPU, generator: generator);
        var a = randn([Gaussian10Dimension, Gaussian10Dimension], dtype: ScalarType.Float64, device: CPU, generator: generator);
        var covariance = a.matmul(a.T).Divide(Gaussian10Dimension).Add(eye(Gaussian10Dimension, dtype: ScalarType.Float64, device: CPU).Multiply(0.25));
        return new GaussianDistribution(mean, covariance);
    }

    /// <summary>
    /// <c>mnist</c>: the 10 000 built-in MNIST digits (<see cref="MnistSubset"/>) as points in [−1, 1]^784, an
    /// empirical distribution whose exact score (float64) is the optimal denoiser's.
    /// </summary>
    public static EmpiricalDistribution Mnist()
    {
        using var points = MnistSubset.Points();
        return new EmpiricalDistribution(points, computeType: ScalarType.Float64);
    }
}
