using System.Globalization;
using System.Runtime.InteropServices;

namespace ScoreScope.Reports;

/// <summary>
/// Where and when a run was made: the library version and git commit, the start and end time, the number of
/// TorchSharp threads and the machine. Shown in every <see cref="RunReport"/> so that a shared page says what produced it.
/// </summary>
/// <param name="Version">The ScoreScope version (<see cref="ScoreScopeInfo.Version"/>).</param>
/// <param name="Commit">The git commit of the build (<see cref="ScoreScopeInfo.Commit"/>).</param>
/// <param name="Started">When the run started.</param>
/// <param name="Finished">When the run finished (the report was written).</param>
/// <param name="Threads">TorchSharp intra-op threads during the run.</param>
/// <param name="Machine">Host name, operating system, architecture, logical cores, memory and .NET version.</param>
public sealed record RunProvenance(string Version, string Commit, DateTimeOffset Started, DateTimeOffset Finished, int Threads, string Machine)
{
    /// <summary>Wall-clock seconds from <see cref="Started"/> to <see cref="Finished"/>.</summary>
    public double WallSeconds => (Finished - Started).TotalSeconds;

    /// <summary>The provenance of a run that started at <paramref name="started"/> and finishes now, on this machine.</summary>
    public static RunProvenance Capture(DateTimeOffset started) =>
        new(ScoreScopeInfo.Version, ScoreScopeInfo.Commit, started, DateTimeOffset.Now, TorchSharp.torch.get_num_threads(), DescribeMachine());

    /// <summary>One line describing this machine.</summary>
    public static string DescribeMachine()
    {
        double gigabytes = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1e9;
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.MachineName}: {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}), {Environment.ProcessorCount} logical cores, {gigabytes:F1} GB available, .NET {Environment.Version}");
    }
}
