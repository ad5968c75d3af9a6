using ScoreScope.Runs;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ScoreScope.Cli.Errors;

namespace ScoreScope.Cli.Settings;

/// <summary>
/// Reads and writes <see cref="RunConfig{TOptions}"/> files. Keys are kebab-case flag names; reading is strict: an
/// unknown key, a value of the wrong type or a config of another command is a <see cref="UsageException"/> naming
/// the file and the key.
/// </summary>
public static class ConfigJson
{
    static readonly string[] TopLevelKeys = ["command", "scorescope-version", "options", "resolved"];

    /// <summary>Old option keys of config files and the names that replaced them (old configs keep working).</summary>
    static readonly Dictionary<string, string> RenamedKeys = new(StringComparer.Ordinal)
    {
        ["batch-size"] = "batch",
    };

    /// <summary>The serializer settings shared by every config file.</summary>
    public static JsonSerializerOptions SerializerOptions => ScoreScope.IO.RunJson.Options;

    /// <summary>Serialises a run configuration (UTF-8, indented, trailing newline).</summary>
    public static string Serialize<TOptions>(RunConfig<TOptions> config) where TOptions : class =>
        JsonSerializer.Serialize(config, SerializerOptions) + "\n";

    /// <summary>
    /// Writes <paramref name="folder"/>/config.json for command <paramref name="command"/> with the resolved
    /// <paramref name="options"/> and the provenance <paramref name="resolved"/> (keys sorted).
    /// </summary>
    public static void Write<TOptions>(string folder, string command, TOptions options, IDictionary<string, string> resolved)
        where TOptions : class
    {
        var config = new RunConfig<TOptions>
        {
            Command = command,
            ScoreScopeVersion = ScoreScopeInfo.Version,
            Options = options,
            Resolved = new SortedDictionary<string, string>(resolved),
        };
        AtomicFile.WriteAllText(Path.Combine(folder, "config.json"), Serialize(config));
    }

    /// <summary>
    /// Reads the <c>"options"</c> of the config file <paramref name="path"/> written by (or for) the command
    /// <paramref name="command"/>. Returns the options and the set of keys the file sets.
    /// </summary>
    /// <param name="path">The config file.</param>
    /// <param name="command">The command whose config it must be.</param>
    /// <param name="option">The option that named the file, for messages (<c>--config</c>, <c>--model</c>, <c>--resume</c>).</param>
    /// <exception cref="UsageException">Missing file, invalid JSON, unknown key, wrong type, other command.</exception>
    public static (TOptions Options, IReadOnlySet<string> Keys) ReadOptions<TOptions>(string path, string command, string option = "--config")
        where TOptions : class
    {
        string where = $"{option} '{path}'";
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new UsageException(File.Exists(path) || Directory.Exists(path)
                ? $"{where}: cannot read the file ({e.Message}); expected a readable JSON config such as a run's config.json"
                : $"{where}: file not found; expected a JSON config such as a run's config.json");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new UsageException($"{where}: not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}); expected a JSON object like a run's config.json");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new UsageException($"{where}: the top level is a JSON {Kind(root)}; expected an object with keys {string.Join(", ", TopLevelKeys)}");
            }
            foreach (var property in root.EnumerateObject())
            {
                if (!TopLevelKeys.Contains(property.Name))
                {
                    throw new UsageException($"{where}: unknown key '{property.Name}'; valid top-level keys: {string.Join(", ", TopLevelKeys)}");
                }
            }
            if (root.TryGetProperty("command", out var commandElement) &&
                (commandElement.ValueKind != JsonValueKind.String || commandElement.GetString() != command))
            {
                throw new UsageException($"{where}: 'command' is {commandElement.GetRawText()}; expected \"{command}\" (a config written by 'scorescope {command}')");
            }
            if (!root.TryGetProperty("options", out var options) || options.ValueKind != JsonValueKind.Object)
            {
                throw new UsageException($"{where}: missing object 'options'; expected {{\"options\": {{\"steps\": 64, ...}}}} as in a run's config.json");
            }
            using var renamed = WithCurrentKeys(options);
            var current = renamed.RootElement;
            return (ReadOptionsObject<TOptions>(current, where), current.EnumerateObject().Select(p => p.Name).ToHashSet());
        }
    }

    /// <summary>The <c>"resolved"</c> entries of a config file written by ScoreScope (empty when absent or unreadable).</summary>
    public static IReadOnlyDictionary<string, string> ReadResolved(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return document.RootElement.TryGetProperty("resolved", out var resolved) && resolved.ValueKind == JsonValueKind.Object
                ? resolved.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String)
                    .ToDictionary(p => p.Name, p => p.Value.GetString()!)
                : new Dictionary<string, string>();
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return new Dictionary<string, string>();
        }
    }

    /// <summary>The options object with old keys (<see cref="RenamedKeys"/>) renamed; a current key wins over its old spelling.</summary>
    static JsonDocument WithCurrentKeys(JsonElement options)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(options.GetRawText())!.AsObject();
        foreach (var (old, current) in RenamedKeys)
        {
            if (!node.TryGetPropertyValue(old, out var value)) continue;
            node.Remove(old);
            if (!node.ContainsKey(current)) node[current] = value;
        }
        return JsonDocument.Parse(node.ToJsonString());
    }

    static TOptions ReadOptionsObject<TOptions>(JsonElement options, string where) where TOptions : class
    {
        var typeInfo = SerializerOptions.GetTypeInfo(typeof(TOptions));
        var known = typeInfo.Properties.ToDictionary(p => p.Name, p => p.PropertyType);
        foreach (var property in options.EnumerateObject())
        {
            if (!known.TryGetValue(property.Name, out var type))
            {
                throw new UsageException($"{where}: unknown option 'options.{property.Name}'; valid options: {string.Join(", ", known.Keys)}");
            }
            try
            {
                _ = property.Value.Deserialize(type, SerializerOptions);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException)
            {
                throw new UsageException($"{where}: 'options.{property.Name}' is {Shorten(property.Value.GetRawText())}; expected {Expected(type)}");
            }
        }
        return options.Deserialize<TOptions>(SerializerOptions)
            ?? throw new UsageException($"{where}: 'options' is null; expected an object");
    }

    static string Expected(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        string text = t == typeof(int) ? "an integer"
            : t == typeof(ulong) ? "a non-negative integer"
            : t == typeof(double) ? "a number"
            : t == typeof(bool) ? "true or false"
            : t == typeof(string) ? "a string"
            : t.Name;
        return Nullable.GetUnderlyingType(type) is null ? text : text + " or null";
    }

    static string Kind(JsonElement element) => element.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture);

    static string Shorten(string raw) => raw.Length <= 40 ? raw : raw[..37] + "...";
}
