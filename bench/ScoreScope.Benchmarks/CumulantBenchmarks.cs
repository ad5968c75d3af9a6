using BenchmarkDotNet.Attributes;
using ScoreScope.Analysis;

namespace ScoreScope.Benchmarks;

/// <summary>Streaming κ1..κ8 over 10⁷ float64 values (issue 4 target: ≥ 1 GB/s on one core, i.e. ≤ 80 ms).</summary>
[MemoryDiagnoser]
public class CumulantBenchmarks
{
    const int Count = 10_000_000;
    double[] _values = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(4811);
        _values = new double[Count];
        for (int i = 0; i < Count; i++) _values[i] = random.NextDouble() * 2 - 1 + (i % 2 == 0 ? 1 : -1);
    }

    /// <summary>Bare accumulator, chunks of 4096 values.</summary>
    [Benchmark(Baseline = true)]
    public double CentralMomentsInChunks()
    {
        var c = new CentralMoments();
        for (int i = 0; i < Count; i += 4096) c.Add(_values.AsSpan(i, Math.Min(4096, Count - i)));
        return c.Cumulants()[7];
    }

    /// <summary>Blocked accumulator (≈ 100–200 blocks) plus the final summary with jackknife and 100 bootstrap replicates.</summary>
    [Benchmark]
    public double BlockedWithErrors()
    {
        var b = new BlockedCumulants(1, new CumulantOptions(MinimumBlockSize: 4096));
        b.AddRows(_values, Count);
        return b.Summarize().Kappa(8).JackknifeError;
    }
}
