using System.CommandLine;
using ScoreScope.Cli.Errors;
using ScoreScope.Cli.Settings;
using ScoreScope.Cli.Tables;
using ScoreScope.Processes;

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

    /// <summary>
    /// Takes <c>--process</c> and its parameters into a settings overlay (so no command names a process parameter
    /// itself).
    /// </summary>
    public void TakeInto<T>(SettingsOverlay<T> overlay) where T : ProcessChoice
    {
        overlay.Take(Process, (s, v) => (T)(s with { Process = v }));
        overlay.Take(SigmaMin, (s, v) => (T)(s with { SigmaMin = v }));
        overlay.Take(SigmaMax, (s, v) => (T)(s with { SigmaMax = v }));
        overlay.Take(BetaMin, (s, v) => (T)(s with { BetaMin = v }));
        overlay.Take(BetaMax, (s, v) => (T)(s with { BetaMax = v }));
    }

    /// <summary>
    /// When <c>--process</c> typed here differs from the config file's, drops the config file's parameters of the old
    /// process (every key of <see cref="ProcessSettings.Keys"/> not typed here).
    /// </summary>
    public static void DropOldProcessParameters<T>(SettingsOverlay<T> overlay, string configProcess) where T : ProcessChoice
    {
        if (overlay.Origins.IsFlag("process") && overlay.Settings.Process != configProcess)
        {
            overlay.DropConfigValues(ProcessSettings.Keys, (s, key) => s.WithProcessParameters(s.ProcessParameters.Without(key)));
        }
    }

    /// <summary>The options in help order.</summary>
    public IEnumerable<Option> All => [Process, SigmaMin, SigmaMax, BetaMin, BetaMax];

    /// <summary>Whether the user typed any of the process options.</summary>
    public bool AnyGiven(ParseResult parseResult) => All.Any(o => parseResult.GetResult(o) is { Implicit: false });

    /// <summary>
    /// The process the options describe, with the parameters the user gave (unset ones null; call
    /// <see cref="ProcessSettings.WithDefaults"/> for the defaults), checked: a known name, no parameter the process
    /// does not use, and the ranges of <see cref="ProcessSettings.Validate"/> against the defaults.
    /// </summary>
    /// <exception cref="UsageException">Naming the option, the value and what is valid.</exception>
    public ProcessSettings Read(ParseResult parseResult)
    {
        string name = parseResult.GetValue(Process)!;
        if (!ProcessSettings.Names.Contains(name))
            throw new UsageException($"--process: unknown value '{name}'; valid: {string.Join(", ", ProcessSettings.Names)}");
        double? Given(Option<double> option) => parseResult.GetResult(option) is { Implicit: false } ? parseResult.GetValue(option) : null;
        var settings = new ProcessSettings(name, Given(SigmaMin), Given(SigmaMax), Given(BetaMin), Given(BetaMax));
        var used = ProcessSettings.ParameterKeys(name);
        foreach (string key in ProcessSettings.Keys)
        {
            if (settings[key] is not null && !used.Contains(key))
                throw new UsageException($"--{key} does not apply to --process {name} (its parameters: {(used.Count == 0 ? "none" : string.Join(", ", used.Select(k => "--" + k)))})");
        }
        try
        {
            settings.WithDefaults().Validate(key => "--" + key);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new UsageException(ErrorText.OneLine(e));
        }
        return settings;
    }
}
