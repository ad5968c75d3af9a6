using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using ScoreScope.Semigroups;
using static TorchSharp.torch;

namespace ScoreScope.Benchmarks;

/// <summary>
/// Does the batched RDKS/DKS score on S² (<see cref="SphereKernelSmoothingScore"/>, N = 10⁴ data points, Q = 10⁴
/// queries, float64, one time step) run at ≥ 50% of the GFLOP/s of the equivalent plain work in the same run (issue 16)?
/// The baseline is plain TorchSharp (float64, its default threads = cores): the [10⁴×3]·[3×10⁴] product of the
/// cosines, then an in-place arccosine and an in-place exponential of all 10⁸ entries (θ = acos c and the kernel's
/// exponential — the transcendental work every pair needs). Both cases are credited with the same flop count per
/// query–data pair: 6 for the product (3 multiplies, 3 adds) plus 20 per transcendental, acos and exp, i.e. 46 per
/// pair, 4.6·10⁹ per call (20 flops per transcendental is our convention — about the multiply–adds of a vectorised
/// float64 polynomial evaluation with range reduction; the ratio column does not depend on it, as both cases get
/// the same count, so it is the time ratio baseline/case). The score does more than the baseline: a max-cosine pass
/// (log-sum-exp shift), a square root and two degree-11 polynomials of a per-time table (log k and d/dc log k, in place
/// of the arccosine and the kernel formula), the exponential, and the weighted sums for the gradient; the call
/// includes building the table at that time. <see cref="Time"/> = 0.01 uses the short-time form only, 1 the Legendre
/// series only (<see cref="SphereHeatKernel"/>'s switch); <see cref="KernelSmoothingScoreOneQuery"/> is the per-time
/// fixed cost (the table plus one query).
/// </summary>
[Config(typeof(TenToTheEightPairsConfig))]
public class SphereKernelSmoothingBenchmarks
{
    const int DataPoints = 10_000, Queries = 10_000;
    const double FlopsPerPair = 6 + 2 * 20;

    /// <summary>The diffusion time: 0.01 (short-time form) or 1 (Legendre series).</summary>
    [Params(0.01, 1.0)]
    public double Time { get; set; }

    double[] _queries = [], _scores = [], _logDensities = [];
    double[] _oneScore = new double[3], _oneLogDensity = new double[1];
    SphereKernelSmoothingScore _score = null!;
    Tensor _queryTensor = null!, _pointsTransposed = null!;

    /// <summary>The flop count of one call of a benchmark method, by method name.</summary>
    public static double FlopCount(string method) => method switch
    {
        nameof(MatmulArccosineExponential) or nameof(KernelSmoothingScore) => FlopsPerPair * Queries * DataPoints,
        nameof(KernelSmoothingScoreOneQuery) => FlopsPerPair * DataPoints,
        _ => double.NaN,
    };

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(16);
        var points = Enumerable.Range(0, DataPoints).Select(_ => UniformPoint(random)).ToArray();
        _queries = Enumerable.Range(0, Queries).SelectMany(_ => UniformPoint(random)).ToArray();
        _scores = new double[3 * Queries];
        _logDensities = new double[Queries];
        _score = new SphereKernelSmoothingScore(points);
        _queryTensor = tensor(_queries, [Queries, 3], ScalarType.Float64).DetachFromDisposeScope();
        using var pointTensor = tensor(points.SelectMany(p => p).ToArray(), [DataPoints, 3], ScalarType.Float64);
        _pointsTransposed = pointTensor.t().contiguous().DetachFromDisposeScope();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _queryTensor.Dispose();
        _pointsTransposed.Dispose();
    }

    /// <summary>The baseline: the [10⁴×3]·[3×10⁴] float64 TorchSharp matmul, then acos_ and exp_ of every entry.</summary>
    [Benchmark(Baseline = true)]
    public double MatmulArccosineExponential()
    {
        using var scope = NewDisposeScope();
        var cosines = _queryTensor.matmul(_pointsTransposed);
        cosines.acos_();
        cosines.exp_();
        return cosines[0, 0].item<double>();
    }

    /// <summary>The scores and log-densities of the 10⁴ queries under the 10⁴-point RDKS at <see cref="Time"/>.</summary>
    [Benchmark]
    public double KernelSmoothingScore()
    {
        _score.Score(Time, _queries, _scores, _logDensities);
        return _scores[0];
    }

    /// <summary>One query at <see cref="Time"/>: the per-time-step table plus 10⁴ pairs.</summary>
    [Benchmark]
    public double KernelSmoothingScoreOneQuery()
    {
        _score.Score(Time, _queries.AsMemory(0, 3), _oneScore, _oneLogDensity);
        return _oneScore[0];
    }

    static double[] UniformPoint(Random random)
    {
        double z = 2 * random.NextDouble() - 1, phi = 2 * Math.PI * random.NextDouble(), r = Math.Sqrt(1 - z * z);
        return [r * Math.Cos(phi), r * Math.Sin(phi), z];
    }

    /// <summary>10⁸ pairs take about a second per call: one launch, 2 warm-up and 9 measured iterations of one call each.</summary>
    sealed class TenToTheEightPairsConfig : ManualConfig
    {
        public TenToTheEightPairsConfig()
        {
            AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(9).WithInvocationCount(1).WithUnrollFactor(1).WithId("Short"));
            AddColumn(new GigaflopsColumn(FlopCount), new GigaflopsRatioColumn(FlopCount));
        }
    }
}
