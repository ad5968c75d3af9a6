using ScoreScope.Numerics;
using TorchSharp;
using static TorchSharp.torch;

namespace ScoreScope.Analysis;

/// <summary>
/// The two-sample energy distance of Székely &amp; Rizzo (2004, 2013) with a permutation test. Statistic (V-statistic,
/// Euclidean distance): E = (2/nm)Σ‖x_i − y_j‖ − (1/n²)Σ‖x_i − x_j‖ − (1/m²)Σ‖y_i − y_j‖, which is ≥ 0 and 0 in
/// expectation-limit only when the laws agree. p-value: (1 + #{π : E_π ≥ E})/(1 + P) over P random relabellings of
/// the pooled sample (seeded).
/// </summary>
/// <remarks>
/// The pooled distance matrix is computed once; each permutation then costs a matrix–vector product, done for blocks
/// of permutations as one GEMM. To keep memory and time bounded, each set larger than <c>maxSamplesPerSet</c>
/// (default 2000) is replaced by a seeded uniform subsample without replacement of that size: the test is then a test
/// at that sample size (power is lost, size is exact). With 2000 + 2000 samples and 500 permutations it takes well
/// under a second on two cores. Samples [N, …] are flattened to [N, D] and compared in float64.
/// </remarks>
public static class EnergyDistanceTest
{
    /// <summary>The default cap on samples per set (2000).</summary>
    public const int DefaultMaxSamplesPerSet = 2000;

    /// <summary>Runs the test.</summary>
    /// <param name="x">First sample set [n, …].</param>
    /// <param name="y">Second sample set [m, …], same event size.</param>
    /// <param name="seed">Seed for subsampling and permutations.</param>
    /// <param name="permutations">Number of permutations P, ≥ 1 (default 500).</param>
    /// <param name="maxSamplesPerSet">Cap on the samples used per set, ≥ 2.</param>
    /// <exception cref="ArgumentOutOfRangeException">For P &lt; 1 or a cap &lt; 2.</exception>
    /// <exception cref="ArgumentException">For empty sets or different event sizes.</exception>
    public static EnergyDistanceResult Run(Tensor x, Tensor y, ulong seed, int permutations = 500, int maxSamplesPerSet = DefaultMaxSamplesPerSet)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permutations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSamplesPerSet, 2);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var a = Subsample(SampleMoments.Flatten(x, nameof(x)), maxSamplesPerSet, Seeds.Derive(seed, "energy-subsample-x"));
        var b = Subsample(SampleMoments.Flatten(y, nameof(y)), maxSamplesPerSet, Seeds.Derive(seed, "energy-subsample-y"));
        if (a.shape[1] != b.shape[1])
            throw new ArgumentException($"sample sets have different event sizes: {Shapes.Format(a)} and {Shapes.Format(b)}.", nameof(y));
        long n = a.shape[0], m = b.shape[0], total = n + m;
        var pooled = cat([a, b], 0);
        var distances = cdist(pooled, pooled);
        var rowSums = distances.sum(1);
        double sumAll = rowSums.sum().item<double>();
        var observed = zeros([1, total], dtype: ScalarType.Float64);
        observed[0, TensorIndex.Slice(0, n)] = 1.0;
        double statistic = Statistics(observed, distances, rowSums, sumAll, n, m).item<double>();
        using var generator = Seeds.Generator(Seeds.Derive(seed, "energy-permutations"));
        long exceed = 0;
        const int Chunk = 100;
        for (int done = 0; done < permutations; done += Chunk)
        {
            using var chunkScope = NewDisposeScope();
            int size = Math.Min(Chunk, permutations - done);
            var order = rand([size, total], dtype: ScalarType.Float64, generator: generator).argsort(1);
            var firstSet = order[.., TensorIndex.Slice(0, n)];
            var labels = zeros([size, total], dtype: ScalarType.Float64).scatter_(1, firstSet, ones(firstSet.shape, dtype: ScalarType.Float64));
            exceed += (Statistics(labels, distances, rowSums, sumAll, n, m).GreaterOrEqual(statistic)).sum().item<long>();
        }
        return new EnergyDistanceResult(statistic, (1.0 + exceed) / (1.0 + permutations), permutations, n, m);
    }

    // labels: [P, n + m] with 1 for the first set. With S_xx = wᵀDw and w·r the row sums of the first set:
    // S_xy = w·r − S_xx, S_yy = 1ᵀr − 2w·r + S_xx.
    static Tensor Statistics(Tensor labels, Tensor distances, Tensor rowSums, double sumAll, long n, long m)
    {
        var sxx = (labels.matmul(distances) * labels).sum(1);
        var wr = labels.matmul(rowSums);
        var sxy = wr - sxx;
        var syy = ScalarArithmetic.SubtractFrom(sumAll,wr.Multiply(2)).Add(sxx);
        return sxy.Multiply(2.0 / (n * (double)m)) - sxx.Divide((double)n * n) - syy.Divide((double)m * m);
    }

    static Tensor Subsample(Tensor x, int cap, ulong seed)
    {
        if (x.shape[0] <= cap) return x;
        using var generator = Seeds.Generator(seed);
        var index = randperm(x.shape[0], generator: generator).narrow(0, 0, cap);
        return x.index_select(0, index);
    }
}
