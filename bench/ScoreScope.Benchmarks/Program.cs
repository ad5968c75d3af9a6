using BenchmarkDotNet.Running;

namespace ScoreScope.Benchmarks;

public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "scalar-stress") return ScalarStress.Run(args[1..]);
        if (args.Length > 0 && args[0] == "divergence-timing") return DivergenceTiming.Run(args[1..]);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
