using System.CommandLine;
using ScoreScope.Cli.Tables;

namespace ScoreScope.Cli.Commands;

/// <summary>
/// The forward-process options shared by every command that chooses a process (<c>--process</c> and its parameters);
/// names map to processes only in <see cref="ProcessTable"/>.
/// </summary>
public sealed class ProcessOptions
{
    /// <summary>Creates the options with <paramref name="defaultProcess"/> as the default of <c>--process</c>.</summary>
    public ProcessOptions(string defaultProcess)
    {
        Process = OptionFactory.Text("--process", $"Forward process: {string.Join(" | ", ProcessTable.Names)}.", defaultProcess);
    }

    /// <summary><c>--process</c>.</summary>
    public Option<string> Process { get; }

    /// <summary><c>--sigma-min</c>.</summary>
    public Option<double> SigmaMin { get; } = OptionFactory.Number("--sigma-min",
        $"σ_min of the geometric VE process, > 0 (ve only) [default: {ProcessTable.DefaultSigmaMin}]");

    /// <summary><c>--sigma-max</c>.</summary>
    public Option<double> SigmaMax { get; } = OptionFactory.Number("--sigma-max",
        $"σ_max of the geometric VE process, > σ_min (ve only) [default: {ProcessTable.DefaultSigmaMax}]");

    /// <summary><c>--beta-min</c>.</summary>
    public Option<double> BetaMin { get; } = OptionFactory.Number("--beta-min",
        $"β_min of the linear β schedule, ≥ 0 (vp, subvp) [default: {ProcessTable.DefaultBetaMin}]");

    /// <summary><c>--beta-max</c>.</summary>
    public Option<double> BetaMax { get; } = OptionFactory.Number("--beta-max",
        $"β_max of the linear β schedule, ≥ β_min (vp, subvp), or the clip value of the cosine schedule (vp-cosine) " +
        $"[default: {ProcessTable.DefaultBetaMax}]");

    /// <summary>The options in help order.</summary>
    public IEnumerable<Option> All => [Process, SigmaMin, SigmaMax, BetaMin, BetaMax];
}
