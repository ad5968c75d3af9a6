using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ScoreScope.IO;

/// <summary>
/// The JSON settings of every run-folder file (config.json, metrics.json): kebab-case keys, dictionary keys as
/// written, indented, σ, β, ε kept readable, nulls omitted.
/// </summary>
public static class RunJson
{
    /// <summary>The serializer settings shared by every run-folder JSON file.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        // Keep σ, β, ε readable (the relaxed encoder only matters when JSON is embedded in HTML).
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    /// <summary><paramref name="value"/> as indented JSON with a trailing newline.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options) + "\n";
}
