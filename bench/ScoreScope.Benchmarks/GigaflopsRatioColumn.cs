using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ScoreScope.Benchmarks;

/// <summary>A case's GFLOP/s divided by that of the baseline case of its class (medians), as a percentage.</summary>
public sealed class GigaflopsRatioColumn(Func<string, double> flopCount) : IColumn
{
    public string Id => nameof(GigaflopsRatioColumn);
    public string ColumnName => "GFLOP/s vs baseline";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 1;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "GFLOP/s of the case over GFLOP/s of the baseline in the same run, at the medians";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var baseline = summary.BenchmarksCases.FirstOrDefault(c =>
            c.Descriptor.Baseline && c.Descriptor.Type == benchmarkCase.Descriptor.Type && c.Job == benchmarkCase.Job
            && c.Parameters.ValueInfo == benchmarkCase.Parameters.ValueInfo);
        if (baseline is null) return "?";
        double ratio = GigaflopsColumn.Gigaflops(summary, benchmarkCase, flopCount) / GigaflopsColumn.Gigaflops(summary, baseline, flopCount);
        return ratio.ToString("P0", System.Globalization.CultureInfo.InvariantCulture);
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
