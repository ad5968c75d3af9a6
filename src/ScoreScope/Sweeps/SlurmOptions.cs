namespace ScoreScope.Sweeps;

/// <summary>
/// The <c>#SBATCH</c> settings of a sweep's job array. Null settings are left to the cluster's defaults.
/// </summary>
/// <param name="Partition">--partition.</param>
/// <param name="Time">--time (e.g. <c>01:00:00</c>) per array task.</param>
/// <param name="CpusPerTask">--cpus-per-task (also the points' --threads when they do not set it).</param>
/// <param name="Memory">--mem (e.g. <c>4G</c>).</param>
/// <param name="ArrayThrottle">The array throttle <c>%k</c>: at most k tasks at once.</param>
/// <param name="Account">--account.</param>
/// <param name="Gpus">--gpus per task (use with --device cuda points).</param>
/// <param name="ExtraLines">Further directives, each written as <c>#SBATCH LINE</c>.</param>
public sealed record SlurmOptions(string? Partition = null, string? Time = null, int? CpusPerTask = null, string? Memory = null,
    int? ArrayThrottle = null, string? Account = null, int? Gpus = null, IReadOnlyList<string>? ExtraLines = null);
