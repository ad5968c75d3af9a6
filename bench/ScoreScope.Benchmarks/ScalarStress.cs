using System.Diagnostics;
using ScoreScope.Tests.Infrastructure;

namespace ScoreScope.Benchmarks;

/// <summary>
/// <c>scalar-stress</c>: the long version of <c>ScalarLifetimeStressTests</c>. Runs ≥ <c>--operations</c> (default 10⁶)
/// elementary scalar-taking TorchSharp operations and <c>--repetitions</c> (default 20) passes over the main paths (MLP,
/// U-Net, Heun sampler, training, Jacobian, cumulants) while a thread loops <c>GC.Collect(); GC.WaitForPendingFinalizers()</c>,
/// and compares every result bit for bit with a run without GC pressure. Exit code 1 when anything threw or differed.
/// </summary>
static class ScalarStress
{
    const ulong Seed = 20261203;

    public static int Run(string[] args)
    {
        long operations = Option(args, "--operations", 1_000_000);
        long repetitions = Option(args, "--repetitions", 20);
        long iterations = (operations + ScalarLifetimeWorkload.ElementaryOperationsPerIteration - 1) / ScalarLifetimeWorkload.ElementaryOperationsPerIteration;
        var clock = Stopwatch.StartNew();
        var mainReference = ScalarLifetimeWorkload.MainPaths(Seed);
        var elementaryReference = ScalarLifetimeWorkload.Elementary(iterations, Seed);
        Console.WriteLine($"reference runs (no GC pressure): {clock.Elapsed.TotalSeconds:F1} s");
        int exceptions = 0, mismatches = 0;
        long collections;
        clock.Restart();
        using (var pressure = new GarbageCollectionPressure())
        {
            for (long r = 0; r < repetitions; r++)
            {
                try
                {
                    if (!ScalarLifetimeWorkload.MainPaths(Seed).AsSpan().SequenceEqual(mainReference)) mismatches++;
                }
                catch (Exception e)
                {
                    exceptions++;
                    Console.WriteLine($"main paths, repetition {r}: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
                }
            }
            try
            {
                if (!ScalarLifetimeWorkload.Elementary(iterations, Seed).AsSpan().SequenceEqual(elementaryReference)) mismatches++;
            }
            catch (Exception e)
            {
                exceptions++;
                Console.WriteLine($"elementary loop: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            }
            collections = pressure.Collections;
        }
        long elementaryOperations = iterations * ScalarLifetimeWorkload.ElementaryOperationsPerIteration;
        Console.WriteLine($"under GC pressure: {elementaryOperations} elementary scalar operations + {repetitions} main-path repetitions, " +
            $"{collections} forced collections, {clock.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"failures: {exceptions} exceptions, {mismatches} result mismatches");
        return exceptions + mismatches == 0 ? 0 : 1;
    }

    static long Option(string[] args, string name, long fallback)
    {
        int i = Array.IndexOf(args, name);
        if (i < 0) return fallback;
        if (i + 1 < args.Length && long.TryParse(args[i + 1], out long value) && value >= 0) return value;
        Console.Error.WriteLine($"scalar-stress: {name} must be a non-negative integer (got '{(i + 1 < args.Length ? args[i + 1] : "")}')");
        Environment.Exit(2);
        return fallback;
    }
}
