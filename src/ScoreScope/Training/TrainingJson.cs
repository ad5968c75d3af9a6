using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScoreScope.Training;

/// <summary>The JSON settings for every ScoreScope config record: camelCase, enums as strings, indented.</summary>
public static class TrainingJson
{
    /// <summary>The shared serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        // Explicit, so that trimmed/AOT hosts (e.g. .NET 10 file-based programs, where reflection-based serialisation is
        // off by default) can still read and write model files.
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    /// <summary>Serialises a config record.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Deserialises a config record.</summary>
    /// <exception cref="InvalidDataException">When the JSON does not describe a <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"The JSON is null, expected a {typeof(T).Name}.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Invalid {typeof(T).Name} JSON: {e.Message}", e);
        }
    }
}
