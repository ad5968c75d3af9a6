using System.CommandLine;
using ScoreScope.Cli.Settings;

namespace ScoreScope.Cli.Commands;

/// <summary>
/// Resolves a command's settings record: the defaults, overlaid by the <c>"options"</c> of a <c>--config</c> file,
/// overlaid by the flags typed on the command line; <see cref="Origins"/> records where each value came from.
/// </summary>
/// <typeparam name="T">The command's settings record (the <c>"options"</c> of its config.json).</typeparam>
public sealed class SettingsOverlay<T> where T : class
{
    readonly ParseResult _parseResult;

    SettingsOverlay(ParseResult parseResult, T settings, SettingOrigins origins)
    {
        _parseResult = parseResult;
        Settings = settings;
        Origins = origins;
    }

    /// <summary>The settings resolved so far.</summary>
    public T Settings { get; private set; }

    /// <summary>Where each value came from.</summary>
    public SettingOrigins Origins { get; }

    /// <summary>Starts from <paramref name="defaults"/>, overlaid by the config file <paramref name="configPath"/> if given.</summary>
    /// <exception cref="Errors.UsageException">When the config file is missing, invalid or of another command.</exception>
    public static SettingsOverlay<T> Start(ParseResult parseResult, string? configPath, T defaults, string command)
    {
        var origins = new SettingOrigins(configPath);
        var settings = defaults;
        if (configPath is not null)
        {
            (settings, var keys) = ConfigJson.ReadOptions<T>(configPath, command);
            foreach (var key in keys)
            {
                origins.MarkConfig(key);
            }
        }
        return new SettingsOverlay<T>(parseResult, settings, origins);
    }

    /// <summary>
    /// Applies <paramref name="option"/> if it was typed on the command line, recording it under <paramref name="key"/>
    /// (default: the option's name without dashes; an old spelling passes the key of the name it stands for).
    /// </summary>
    public void Take<TValue>(Option<TValue> option, Func<T, TValue, T> apply, string? key = null)
    {
        if (OptionFactory.TryGetExplicit(_parseResult, option, out var value))
        {
            Settings = apply(Settings, value);
            Origins.MarkFlag(key ?? option.Name.TrimStart('-'));
        }
    }

    /// <summary>
    /// Forgets the config file's values of <paramref name="keys"/> not typed as flags (e.g. the parameters of a process
    /// replaced on the command line): <paramref name="clear"/> resets one key.
    /// </summary>
    public void DropConfigValues(IEnumerable<string> keys, Func<T, string, T> clear)
    {
        foreach (var key in keys.Where(k => !Origins.IsFlag(k)))
        {
            Origins.UnmarkConfig(key);
            Settings = clear(Settings, key);
        }
    }

    /// <summary>Replaces the settings (e.g. with defaults filled in).</summary>
    public void Update(Func<T, T> change) => Settings = change(Settings);
}
