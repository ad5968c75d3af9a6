using System.Diagnostics;

namespace ScoreScope.Tests.Sweeps;

/// <summary>
/// A test that needs the single-node Slurm cluster of tests/slurm/start-cluster.sh (which .ci/run starts). Without a
/// cluster whose node answers, the test is reported as skipped with the reason — never as passed. When the environment
/// variable SCORESCOPE_SLURM is "required" (set by .ci/run after starting the cluster), a missing cluster is not a
/// skip: the test runs and fails.
/// </summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("SCORESCOPE_SLURM") == "required") return;
        if (ClusterProblem() is { } problem) Skip = "no Slurm cluster (" + problem + "); start one with tests/slurm/start-cluster.sh";
    }

    /// <summary>Why no cluster can be used, or null when `sinfo` shows an idle or mixed node.</summary>
    public static string? ClusterProblem()
    {
        try
        {
            var start = new ProcessStartInfo("sinfo", "-h -o %t") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            if (!process.WaitForExit(10_000)) return "sinfo did not answer within 10 s";
            return output.Split('\n').Any(s => s.Trim() is "idle" or "mix" or "alloc") ? null : $"sinfo shows no usable node: '{output.Trim()}'";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "sinfo is not installed";
        }
    }
}
