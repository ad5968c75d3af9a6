using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ScoreScope.Sweeps;

/// <summary>
/// Reads sweep files (JSON, like the run configs):
/// <code>
/// {
///   "name": "samplers",
///   "command": "sample",                       // or ["reproduce", "spectra"]
///   "options": { "data": "gmm8", "n": 2000 },  // fixed options; true = flag; "set:NAME" = --set NAME=value
///   "axes": [
///     { "grid":  { "sampler": ["heun", "euler-maruyama", "ddim"] } },
///     { "zip":   { "steps": [16, 32], "grid": ["edm", "uniform"] } },
///     { "seeds": [1, 2, 3, 4] }                // or { "seeds": { "start": 1, "count": 4 } }
///   ]
/// }
/// </code>
/// Several options in one <c>grid</c> object are separate grid axes; a <c>zip</c> takes its equal-length lists pairwise.
/// Numbers keep their spelling (<c>1e-3</c> stays <c>1e-3</c>). An option may be set in one place only, and <c>out</c>
/// is set by the sweep runner.
/// </summary>
public static partial class SweepFile
{
    static readonly string[] TopLevelKeys = ["name", "command", "options", "axes"];

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^(set:)?[a-z0-9][a-z0-9-]*$|^set:[A-Za-z0-9_.-]+$")]
    private static partial Regex OptionPattern();

    /// <summary>Reads and checks the sweep file at <paramref name="path"/>.</summary>
    /// <exception cref="SweepFileException">When the file is missing, is not JSON, or describes no valid sweep.</exception>
    public static SweepDefinition Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SweepFileException(path, $"cannot be read ({e.Message})", e);
        }
        return Parse(text, path);
    }

    /// <summary>Parses sweep JSON <paramref name="json"/>; <paramref name="path"/> names it in errors.</summary>
    /// <exception cref="SweepFileException">When the text is not JSON or describes no valid sweep.</exception>
    public static SweepDefinition Parse(string json, string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new SweepFileException(path, $"is not valid JSON (line {e.LineNumber + 1}: {e.Message.Split('.')[0]})", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new SweepFileException(path, "must be a JSON object with name, command, options and axes");
            foreach (var property in root.EnumerateObject())
            {
                if (!TopLevelKeys.Contains(property.Name))
                    throw new SweepFileException(path, $"unknown key '{property.Name}'; expected {string.Join(", ", TopLevelKeys)}");
            }
            string name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
            if (!NamePattern().IsMatch(name))
                throw new SweepFileException(path, $"'name' {Quote(name)} must be a non-empty name of letters, digits, '.', '_' or '-'");
            var command = ReadCommand(root, path);
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            var options = new SortedDictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("options", out var o))
            {
                if (o.ValueKind != JsonValueKind.Object) throw new SweepFileException(path, "'options' must be an object of option names and values");
                foreach (var option in o.EnumerateObject())
                {
                    CheckOption(path, option.Name, "options", seen);
                    options[option.Name] = Value(path, option.Value, $"options.{option.Name}");
                }
            }
            var axes = new List<SweepAxis>();
            if (root.TryGetProperty("axes", out var a))
            {
                if (a.ValueKind != JsonValueKind.Array) throw new SweepFileException(path, "'axes' must be a list of {\"grid\": …}, {\"zip\": …} or {\"seeds\": …} objects");
                int index = 0;
                foreach (var axis in a.EnumerateArray()) axes.AddRange(ReadAxis(path, axis, ++index, seen));
            }
            var definition = new SweepDefinition(name, command, options, axes);
            if (definition.PointCount > 100_000)
                throw new SweepFileException(path, $"expands to {definition.PointCount} points; at most 100000 are supported");
            return definition;
        }
    }

    static string[] ReadCommand(JsonElement root, string path)
    {
        if (!root.TryGetProperty("command", out var c))
            throw new SweepFileException(path, "'command' is missing (e.g. \"sample\" or [\"reproduce\", \"spectra\"])");
        string[] words = c.ValueKind switch
        {
            JsonValueKind.String => c.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            JsonValueKind.Array when c.EnumerateArray().All(w => w.ValueKind == JsonValueKind.String) => c.EnumerateArray().Select(w => w.GetString()!).ToArray(),
            _ => [],
        };
        if (words.Length == 0 || words.Any(w => w.StartsWith('-')))
            throw new SweepFileException(path, "'command' must name a scorescope command without options, e.g. \"sample\" or [\"reproduce\", \"spectra\"]");
        if (words[0] == "sweep") throw new SweepFileException(path, "'command' cannot be 'sweep' (a sweep of sweeps)");
        return words;
    }

    static IEnumerable<SweepAxis> ReadAxis(string path, JsonElement axis, int index, Dictionary<string, string> seen)
    {
        string where = $"axes[{index}]";
        if (axis.ValueKind != JsonValueKind.Object || axis.EnumerateObject().Count() != 1)
            throw new SweepFileException(path, $"{where} must be one of {{\"grid\": {{…}}}}, {{\"zip\": {{…}}}}, {{\"seeds\": […]}}");
        var property = axis.EnumerateObject().First();
        switch (property.Name)
        {
            case "grid":
            {
                if (property.Value.ValueKind != JsonValueKind.Object || !property.Value.EnumerateObject().Any())
                    throw new SweepFileException(path, $"{where}.grid must be an object of option names and value lists");
                var grids = new List<SweepAxis>();
                foreach (var option in property.Value.EnumerateObject())
                {
                    CheckOption(path, option.Name, where, seen);
                    var values = List(path, option.Value, $"{where}.grid.{option.Name}");
                    grids.Add(new SweepAxis(SweepAxisKind.Grid, new Dictionary<string, IReadOnlyList<string>> { [option.Name] = values }));
                }
                return grids;
            }
            case "zip":
            {
                if (property.Value.ValueKind != JsonValueKind.Object || !property.Value.EnumerateObject().Any())
                    throw new SweepFileException(path, $"{where}.zip must be an object of option names and value lists");
                var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
                foreach (var option in property.Value.EnumerateObject())
                {
                    CheckOption(path, option.Name, where, seen);
                    lists[option.Name] = List(path, option.Value, $"{where}.zip.{option.Name}");
                }
                if (lists.Values.Select(l => l.Count).Distinct().Count() > 1)
                    throw new SweepFileException(path, $"{where}.zip lists have unequal lengths ({string.Join(", ", lists.Select(l => $"{l.Key}: {l.Value.Count}"))}); zipped lists are taken pairwise and must be equally long");
                return [new SweepAxis(SweepAxisKind.Zip, lists)];
            }
            case "seeds":
            {
                CheckOption(path, "seed", where, seen);
                IReadOnlyList<string> seeds;
                if (property.Value.ValueKind == JsonValueKind.Object)
                {
                    long start = Integer(path, property.Value, "start", where, 0);
                    long count = Integer(path, property.Value, "count", where, -1);
                    if (count < 1) throw new SweepFileException(path, $"{where}.seeds.count must be an integer ≥ 1 (an empty axis has no points)");
                    seeds = Enumerable.Range(0, (int)Math.Min(count, 100_000)).Select(i => (start + i).ToString(CultureInfo.InvariantCulture)).ToArray();
                }
                else
                {
                    seeds = List(path, property.Value, $"{where}.seeds");
                    foreach (string s in seeds)
                    {
                        if (!ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                            throw new SweepFileException(path, $"{where}.seeds: '{s}' is not a non-negative integer seed");
                    }
                }
                return [new SweepAxis(SweepAxisKind.Seeds, new Dictionary<string, IReadOnlyList<string>> { ["seed"] = seeds })];
            }
            default:
                throw new SweepFileException(path, $"{where}: unknown axis kind '{property.Name}'; expected grid, zip or seeds");
        }
    }

    static long Integer(string path, JsonElement element, string key, string where, long fallback)
    {
        if (!element.TryGetProperty(key, out var value)) return fallback;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out long result) || result < 0)
            throw new SweepFileException(path, $"{where}.seeds.{key} must be a non-negative integer");
        return result;
    }

    static void CheckOption(string path, string option, string where, Dictionary<string, string> seen)
    {
        if (!OptionPattern().IsMatch(option))
            throw new SweepFileException(path, $"{where}: option name {Quote(option)} must be written without dashes in lower case (e.g. \"sigma-max\", \"set:steps\")");
        if (option is "out" or "force")
            throw new SweepFileException(path, $"{where}: option '{option}' is set by 'sweep run' for every point; remove it");
        if (seen.TryGetValue(option, out string? first))
            throw new SweepFileException(path, $"{where}: option '{option}' is already set in {first}; an option may be set in one place only");
        seen[option] = where;
    }

    static IReadOnlyList<string> List(string path, JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Array)
            throw new SweepFileException(path, $"{where} must be a list of values");
        var values = element.EnumerateArray().Select((v, i) => Value(path, v, $"{where}[{i}]")).ToArray();
        if (values.Length == 0) throw new SweepFileException(path, $"{where} is empty; an empty axis has no points");
        if (values.Distinct(StringComparer.Ordinal).Count() != values.Length)
            throw new SweepFileException(path, $"{where} repeats a value ({values.GroupBy(v => v).First(g => g.Count() > 1).Key}); every point must be different");
        return values;
    }

    static string Value(string path, JsonElement element, string where) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => throw new SweepFileException(path, $"{where} must be a string, a number or true/false"),
    };

    static string Quote(string value) => "'" + string.Concat(value.Select(c => char.IsControl(c) ? '?' : c)) + "'";
}
