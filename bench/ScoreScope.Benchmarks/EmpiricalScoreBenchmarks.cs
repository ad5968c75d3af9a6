using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using ScoreScope.Data;
using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Benchmarks;

/// <summary>
/// Does the exact empirical score (N = 16384 training points, M = 4096 queries, d = 64, float32) run at ≥ 50% of the
/// GFLOP/s of a plain TorchSharp matmul (4096×64)·(64×16384) on the same machine? The score does two GEMMs of
/// 2·M·N·d flops each (logits and softmax-weighted sum) plus an exponential per logit; the matmul does one.
/// The GFLOP/s and "vs matmul" columns are computed from the medians.
/// </summary>
[Config(typeof(ShortConfig))]
public class EmpiricalScoreBenchmarks
{
    const long TrainingPoints = 16384, Queries = 4096, Dimension = 64;
    const double SignalScale = 0.8, NoiseScale = 0.6;

    Tensor _queries = null!;
    Tensor _pointsTransposed = null!;
    EmpiricalDistribution _distribution = null!;

    /// <summary>The bound on queries × training points per logit block (2²⁴ is the library default; 2²² fits the L3 cache).</summary>
    [Params(1L << 22, 1L << 24)]
    public long BlockElements { get; set; }

    /// <summary>The flop count of one call of a benchmark method, by method name.</summary>
    public static double FlopCount(string method) => method switch
    {
        nameof(Matmul) => 2.0 * Queries * TrainingPoints * Dimension,
        nameof(ExactEmpiricalScore) => 2 * 2.0 * Queries * TrainingPoints * Dimension,
        _ => double.NaN,
    };

    [GlobalSetup]
    public void Setup()
    {
        var generator = Seeds.Generator(20251124);
        using var points = randn([TrainingPoints, Dimension], dtype: ScalarType.Float32, generator: generator);
        using var noise = randn([Queries, Dimension], dtype: ScalarType.Float32, generator: generator);
        // Queries x = a·y + b·z from a random subset of the training points, spread over all chunks.
        using var sources = randperm(TrainingPoints, generator: generator).narrow(0, 0, Queries);
        using var clean = points.index_select(0, sources);
        _queries = (clean.Multiply(SignalScale).Add(noise.Multiply(NoiseScale))).DetachFromDisposeScope();
        _pointsTransposed = points.t().contiguous().DetachFromDisposeScope();
        _distribution = new EmpiricalDistribution(points, maximumBlockElements: BlockElements);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _queries.Dispose();
        _pointsTransposed.Dispose();
        _distribution.Dispose();
    }

    /// <summary>The baseline: one (4096×64)·(64×16384) float32 matmul.</summary>
    [Benchmark(Baseline = true)]
    public float Matmul()
    {
        using var scope = NewDisposeScope();
        return _queries.matmul(_pointsTransposed)[0, 0].item<float>();
    }

    /// <summary>The exact score of the 16384-point empirical distribution at 4096 queries.</summary>
    [Benchmark]
    public float ExactEmpiricalScore()
    {
        using var scope = NewDisposeScope();
        return _distribution.Score(_queries, SignalScale, NoiseScale)[0, 0].item<float>();
    }

    sealed class ShortConfig : ManualConfig
    {
        public ShortConfig()
        {
            AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(15).WithId("Short"));
            AddColumn(new GigaflopsColumn(FlopCount), new GigaflopsRatioColumn(FlopCount));
        }
    }
}
