using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ScoreScope.Benchmarks;

/// <summary>Throughput in GFLOP/s at the median time, given the flop count of each benchmark method.</summary>
public sealed class GigaflopsColumn(Func<string, double> flopCount) : IColumn
{
    /// <summary>GFLOP/s of a case at its median time (flops per nanosecond), or NaN when it has no result.</summary>
    public static double Gigaflops(Summary summary, BenchmarkCase benchmarkCase, Func<string, double> flopCount)
    {
        var median = summary[benchmarkCase]?.ResultStatistics?.Median;
        return median is > 0 ? flopCount(benchmarkCase.Descriptor.WorkloadMethod.Name) / median.Value : double.NaN;
    }

    public string Id => nameof(GigaflopsColumn);
    public string ColumnName => "GFLOP/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "10⁹ floating-point operations per second at the median time";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        Gigaflops(summary, benchmarkCase, flopCount).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
