using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Spectra;

/// <summary>
/// Finite-size simulation of the nonzero covariance spectrum of Gaussian data on a random linear manifold:
/// C = G Σ Gᵀ with G ∈ ℝ^{d×m} iid N(0, 1/d) and Σ = diag(τ_k on m_k directions); the nonzero eigenvalues of C are those
/// of Σ^{1/2} Gᵀ G Σ^{1/2} (m × m), computed in float64. <see cref="Pooled"/> concatenates independent draws.
/// </summary>
internal static class RandomLinearManifoldSpectrum
{
    public static double[] Eigenvalues(int ambientDimension, int[] blockDimensions, double[] variances, ulong seed)
    {
        using var scope = NewDisposeScope();
        int m = blockDimensions.Sum();
        var generator = Seeds.Generator(seed);
        var g = randn([ambientDimension, m], dtype: ScalarType.Float64, generator: generator).Divide(Math.Sqrt(ambientDimension));
        var scale = cat(blockDimensions.Select((mk, k) => ScalarArithmetic.Full([mk], Math.Sqrt(variances[k]), ScalarType.Float64)).ToArray());
        var gs = g * scale.unsqueeze(0);
        var eigenvalues = linalg.eigvalsh(gs.t().matmul(gs));
        return eigenvalues.data<double>().ToArray();
    }

    public static double[] Pooled(int draws, int ambientDimension, int[] blockDimensions, double[] variances, ulong seed) =>
        Enumerable.Range(0, draws)
            .SelectMany(r => Eigenvalues(ambientDimension, blockDimensions, variances, seed + (ulong)r)).ToArray();
}
