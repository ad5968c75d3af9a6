using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ScoreScope.Sweeps;

/// <summary>
/// One tidy table of a sweep: a row per point (id, state, reason, seconds), its options (<c>option.NAME</c>) and the
/// metrics of its run folder (<c>metric.KEY</c>: every number, string and boolean of metrics.json, nested keys joined
/// by '.', short scalar arrays by index; and <c>claims.checked</c>, <c>claims.failed</c> from checks.csv).
/// </summary>
public sealed class SweepTable
{
    SweepTable(IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyDictionary<string, string>> rows)
    {
        Columns = columns;
        Rows = rows;
    }

    /// <summary>Column names, in order: id, state, reason, seconds, options, metrics (each group sorted).</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Rows in the order of sweep.json's points; a missing cell is absent from its row.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Rows { get; }

    /// <summary>Collects the table of the sweep in <paramref name="folder"/>.</summary>
    public static SweepTable Collect(SweepFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var record = folder.ReadRecord()!;
        var rows = new List<IReadOnlyDictionary<string, string>>();
        var options = new SortedSet<string>(StringComparer.Ordinal);
        var metrics = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var point in record.Points)
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal) { ["id"] = point.Id };
            var state = folder.StateOf(point.Id);
            var status = folder.ReadStatus(point.Id);
            row["state"] = state.ToString().ToLowerInvariant();
            if (status is not null)
            {
                row["reason"] = status.Reason;
                if (status.Seconds is { } s) row["seconds"] = s.ToString("R", CultureInfo.InvariantCulture);
            }
            foreach (var (name, value) in point.Options)
            {
                row["option." + name] = value;
                options.Add("option." + name);
            }
            if (state == SweepPointState.Done)
            {
                foreach (var (key, value) in Metrics(folder.PointFolder(point.Id)))
                {
                    row["metric." + key] = value;
                    metrics.Add("metric." + key);
                }
            }
            rows.Add(row);
        }
        var columns = new List<string> { "id", "state", "reason", "seconds" };
        columns.AddRange(options);
        columns.AddRange(metrics);
        return new SweepTable(columns, rows);
    }

    /// <summary>The metrics of one run folder: metrics.json flattened, and the claim counts of checks.csv.</summary>
    public static IReadOnlyDictionary<string, string> Metrics(string runFolder)
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        string json = Path.Combine(runFolder, "metrics.json");
        if (File.Exists(json))
        {
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(json));
                Flatten(document.RootElement, "", values);
            }
            catch (JsonException)
            {
                values["metrics-json-error"] = "unreadable metrics.json";
            }
        }
        string checks = Path.Combine(runFolder, "checks.csv");
        if (File.Exists(checks))
        {
            var lines = File.ReadAllLines(checks);
            var header = lines.Length > 0 ? lines[0].Split(',') : [];
            int holds = Array.IndexOf(header, "holds"), isChecked = Array.IndexOf(header, "checked");
            if (holds >= 0 && isChecked >= 0)
            {
                var claims = lines.Skip(1).Select(IO.CsvText.SplitLine).Where(f => f.Count > Math.Max(holds, isChecked)).ToArray();
                var enforced = claims.Where(f => f[isChecked] == "true").ToArray();
                values["claims.checked"] = enforced.Length.ToString(CultureInfo.InvariantCulture);
                values["claims.failed"] = enforced.Count(f => f[holds] != "true").ToString(CultureInfo.InvariantCulture);
            }
        }
        return values;
    }

    static void Flatten(JsonElement element, string prefix, IDictionary<string, string> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject()) Flatten(property.Value, prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}", values);
                break;
            case JsonValueKind.Array:
                int count = element.GetArrayLength();
                if (count <= 16 && element.EnumerateArray().All(e => e.ValueKind is JsonValueKind.Number or JsonValueKind.String or JsonValueKind.True or JsonValueKind.False))
                {
                    int i = 0;
                    foreach (var item in element.EnumerateArray()) Flatten(item, $"{prefix}[{i++}]", values);
                }
                else if (element.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Object) && count <= 64)
                {
                    int i = 0;
                    foreach (var item in element.EnumerateArray()) Flatten(item, $"{prefix}[{i++}]", values);
                }
                break;
            case JsonValueKind.Number:
                values[prefix] = element.GetRawText();
                break;
            case JsonValueKind.String:
                values[prefix] = element.GetString()!;
                break;
            case JsonValueKind.True or JsonValueKind.False:
                values[prefix] = element.GetRawText();
                break;
        }
    }

    /// <summary>The table as CSV (RFC 4180 quoting), header first.</summary>
    public string ToCsv()
    {
        var text = new StringBuilder(string.Join(',', Columns.Select(Escape))).Append('\n');
        foreach (var row in Rows)
            text.Append(string.Join(',', Columns.Select(c => Escape(row.TryGetValue(c, out var v) ? v : "")))).Append('\n');
        return text.ToString();
    }

    static string Escape(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
