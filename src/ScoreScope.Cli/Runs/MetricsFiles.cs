using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ScoreScope.Cli.Settings;

namespace ScoreScope.Cli.Runs;

/// <summary>
/// A flat metric table written twice into a run folder: <c>metrics.json</c> (the object as is) and
/// <c>metrics.csv</c> (<c>metric,value</c>, one row per key, invariant culture). Called inside a
/// <see cref="ScoreScope.Runs.RunFolder"/> write, so both files appear atomically with the rest of the run.
/// </summary>
public static class MetricsFiles
{
    /// <summary>Writes <paramref name="metrics"/> as <c>metrics.json</c> and <c>metrics.csv</c> into <paramref name="folder"/>.</summary>
    public static void Write(string folder, JsonObject metrics)
    {
        File.WriteAllText(Path.Combine(folder, "metrics.json"), metrics.ToJsonString(ConfigJson.SerializerOptions) + "\n");
        var csv = new StringBuilder("metric,value\n");
        foreach (var (key, value) in metrics)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{key},{value}\n");
        }
        File.WriteAllText(Path.Combine(folder, "metrics.csv"), csv.ToString());
    }
}
