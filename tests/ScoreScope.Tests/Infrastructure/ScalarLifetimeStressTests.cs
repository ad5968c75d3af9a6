using System.Diagnostics;

namespace ScoreScope.Tests.Infrastructure;

/// <summary>
/// Guards against the TorchSharp 0.107 Scalar use-after-free (README "TorchSharp scalars"): the library's scalar-taking
/// paths run while another thread forces garbage collections and finalizers, and must neither throw nor change a single
/// bit of their results. Runs alone (the forced collections would otherwise slow every parallel test). The long version
/// (≥ 10⁶ scalar-taking operations) is the benchmark target <c>scalar-stress</c>.
/// </summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class ScalarLifetimeStressTests
{
    const ulong Seed = 20261203;
    static readonly TimeSpan Budget = TimeSpan.FromSeconds(6);

    [Fact]
    public void Main_paths_under_forced_garbage_collection_give_bit_identical_results()
    {
        var reference = ScalarLifetimeWorkload.MainPaths(Seed);
        int repetitions = 0;
        var failures = new List<string>();
        long collections;
        var clock = Stopwatch.StartNew();
        using (var pressure = new GarbageCollectionPressure())
        {
            while (repetitions < 2 || clock.Elapsed < Budget)
            {
                try
                {
                    var again = ScalarLifetimeWorkload.MainPaths(Seed);
                    if (!again.AsSpan().SequenceEqual(reference)) failures.Add($"repetition {repetitions}: results differ from the run without GC pressure");
                }
                catch (Exception e)
                {
                    failures.Add($"repetition {repetitions}: {e.GetType().Name}: {e.Message}");
                }
                repetitions++;
            }
            collections = pressure.Collections;
        }
        Assert.True(reference.Length > 1000, $"the fingerprint should cover every path (got {reference.Length} values)");
        Assert.True(repetitions >= 2 && collections >= 10, $"sample size: {repetitions} repetitions, {collections} forced collections");
        Assert.True(failures.Count == 0, $"{failures.Count} of {repetitions} repetitions failed under GC pressure: {string.Join("; ", failures.Take(5))}");
    }

    [Fact]
    public void Elementary_scalar_operations_under_forced_garbage_collection_give_bit_identical_results()
    {
        const long iterations = 3000;
        var reference = ScalarLifetimeWorkload.Elementary(iterations, Seed);
        double[] stressed;
        long collections;
        using (var pressure = new GarbageCollectionPressure())
        {
            stressed = ScalarLifetimeWorkload.Elementary(iterations, Seed);
            collections = pressure.Collections;
        }
        Assert.True(collections >= 10, $"sample size: {iterations * ScalarLifetimeWorkload.ElementaryOperationsPerIteration} operations, {collections} forced collections");
        Assert.Equal(reference, stressed);
    }
}
