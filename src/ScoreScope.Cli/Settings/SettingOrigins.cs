namespace ScoreScope.Cli.Settings;

/// <summary>
/// Records where each resolved option came from (a flag, a <c>--config</c> file or the built-in default) so that an
/// error names what the user actually wrote: <c>--steps</c> or <c>--steps (from --config 'runs/x/config.json')</c>.
/// </summary>
public sealed class SettingOrigins
{
    readonly HashSet<string> _fromFlags = [];
    readonly HashSet<string> _fromConfig = [];

    public SettingOrigins(string? configPath) => ConfigPath = configPath;

    /// <summary>The <c>--config</c> file, if any.</summary>
    public string? ConfigPath { get; }

    /// <summary>Marks option <paramref name="key"/> (flag name without dashes) as typed on the command line.</summary>
    public void MarkFlag(string key) => _fromFlags.Add(key);

    /// <summary>Marks option <paramref name="key"/> as set by the config file.</summary>
    public void MarkConfig(string key) => _fromConfig.Add(key);

    /// <summary>Forgets that the config file set <paramref name="key"/> (its value was dropped).</summary>
    public void UnmarkConfig(string key) => _fromConfig.Remove(key);

    /// <summary>Whether <paramref name="key"/> was typed on the command line.</summary>
    public bool IsFlag(string key) => _fromFlags.Contains(key);

    /// <summary>Whether <paramref name="key"/> was set by the user at all (flag or config file).</summary>
    public bool IsGiven(string key) => _fromFlags.Contains(key) || _fromConfig.Contains(key);

    /// <summary>How to name option <paramref name="key"/> in a message.</summary>
    public string Describe(string key) =>
        !_fromFlags.Contains(key) && _fromConfig.Contains(key) ? $"--{key} (from --config '{ConfigPath}')" : $"--{key}";
}
