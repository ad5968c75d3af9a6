using System.Globalization;
using System.Text;
using System.Text.Json;
using ScoreScope.IO;
using ScoreScope.Runs;
using static ScoreScope.Reports.ReportHtml;

namespace ScoreScope.Reports;

/// <summary>
/// Writes <c>report.html</c> into a run folder: one self-contained page (style inline, figures as data URIs, no scripts,
/// no network) with the title, paper and summary, the verdict and claims table (<c>checks.csv</c>), provenance, notes and
/// stages, the runs inside the folder, every CSV table, every figure with its caption, the data files and the resolved
/// configuration (<c>config.json</c>). The page is built from the folder's files, so it shows what a reader of the folder
/// would find, and is written atomically.
/// </summary>
public static class RunReport
{
    /// <summary>The report's file name.</summary>
    public const string FileName = "report.html";

    /// <summary>Rows of a CSV table shown in the report (the file holds them all).</summary>
    public const int MaximumTableRows = 40;

    /// <summary>Tables of at most this many rows are shown open; longer ones are folded.</summary>
    public const int OpenTableRows = 15;

    /// <summary>Figure files larger than this are linked, not embedded.</summary>
    public const long MaximumEmbeddedBytes = 8_000_000;

    /// <summary>Writes the report of the run in <paramref name="folder"/> and returns its path.</summary>
    /// <exception cref="DirectoryNotFoundException">When <paramref name="folder"/> does not exist.</exception>
    public static string Write(string folder, RunReportHeader header, RunProvenance provenance)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(provenance);
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"run folder '{folder}' does not exist");
        string path = Path.Combine(folder, FileName);
        AtomicFile.WriteAllText(path, Build(folder, header, provenance));
        return path;
    }

    /// <summary>The page for the run in <paramref name="folder"/>.</summary>
    public static string Build(string folder, RunReportHeader header, RunProvenance provenance)
    {
        var html = new StringBuilder();
        html.Append("<h1>").Append(E(header.Title)).Append("</h1>\n");
        if (header.Paper is not null)
        {
            html.Append("<p>Paper: ").Append(E(header.Paper));
            if (header.ArxivId is not null)
                html.Append($" — <a href=\"https://arxiv.org/abs/{E(header.ArxivId)}\">arXiv:{E(header.ArxivId)}</a>");
            html.Append("</p>\n");
        }
        html.Append("<p>").Append(E(header.Summary)).Append("</p>\n");
        var claims = ReadClaims(folder);
        AppendVerdict(html, claims);
        AppendProvenance(html, folder, provenance);
        if (claims is not null) AppendClaims(html, claims);
        if (header.Notes.Count > 0)
        {
            html.Append("<h2>Notes</h2>\n<ul>\n");
            foreach (string note in header.Notes) html.Append("<li>").Append(E(note)).Append("</li>\n");
            html.Append("</ul>\n");
        }
        if (header.Stages.Count > 0)
        {
            html.Append("<h2>Stages</h2>\n<ol>\n");
            foreach (string stage in header.Stages) html.Append("<li>").Append(E(stage)).Append("</li>\n");
            html.Append("</ol>\n");
        }
        AppendSubRuns(html, folder);
        AppendFigures(html, folder);
        AppendTables(html, folder);
        AppendFiles(html, folder);
        AppendConfig(html, folder);
        return Page(header.Title, html.ToString());
    }

    /// <summary>The claims of <c>checks.csv</c> in <paramref name="folder"/>: held, checked and findings, or null without one.</summary>
    public static (int Held, int Checked, int Findings)? CountClaims(string folder)
    {
        var claims = ReadClaims(folder);
        if (claims is null) return null;
        int held = claims.Count(c => c.Checked && c.Holds), checkedCount = claims.Count(c => c.Checked);
        return (held, checkedCount, claims.Count - checkedCount);
    }

    sealed record Claim(string Name, string Expected, string Measured, string Tolerance, bool Holds, bool Checked);

    static List<Claim>? ReadClaims(string folder)
    {
        string path = Path.Combine(folder, "checks.csv");
        if (!File.Exists(path)) return null;
        var rows = CsvText.Parse(File.ReadAllText(path));
        if (rows.Count == 0) return [];
        var header = rows[0].Select(h => h.Trim()).ToList();
        int Column(string name) => header.IndexOf(name);
        int name = Column("name"), expected = Column("expected"), measured = Column("measured"), tolerance = Column("tolerance"),
            holds = Column("holds"), isChecked = Column("checked");
        string At(string[] row, int i) => i >= 0 && i < row.Length ? row[i] : "";
        return rows.Skip(1).Select(r => new Claim(At(r, name), At(r, expected), At(r, measured), At(r, tolerance),
            At(r, holds) == "true", isChecked < 0 || At(r, isChecked) == "true")).ToList();
    }

    static void AppendVerdict(StringBuilder html, List<Claim>? claims)
    {
        if (claims is null || claims.Count == 0)
        {
            html.Append("<p class=\"verdict none\" id=\"verdict\">No claims are checked in this run; its numbers are below.</p>\n");
            return;
        }
        int held = claims.Count(c => c.Checked && c.Holds), checkedCount = claims.Count(c => c.Checked), findings = claims.Count - checkedCount;
        string state = held == checkedCount ? "pass" : "fail";
        html.Append($"<p class=\"verdict {state}\" id=\"verdict\">")
            .Append(E(string.Create(CultureInfo.InvariantCulture, $"{(state == "pass" ? "PASS" : "FAIL")}: {held} of {checkedCount} checked claims hold")))
            .Append(findings > 0 ? E($"; {findings} findings recorded without a check") : "")
            .Append("</p>\n");
    }

    static void AppendProvenance(StringBuilder html, string folder, RunProvenance p)
    {
        using var config = ReadConfig(folder);
        string command = CommandOf(folder) ?? "";
        string seed = config is { } s && FindScalar(s.RootElement, "seed") is { } seedValue ? seedValue : "not recorded";
        html.Append("<h2>Provenance</h2>\n");
        Table(html, null,
        [
            ["command", command.Length > 0 ? "scorescope " + command : "not recorded"],
            ["ScoreScope version", p.Version],
            ["git commit", p.Commit],
            ["seed", seed],
            ["threads", p.Threads.ToString(CultureInfo.InvariantCulture)],
            ["machine", p.Machine],
            ["started", p.Started.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)],
            ["finished", p.Finished.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture)],
            ["wall time", p.WallSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s"],
        ], "provenance");
    }

    static void AppendClaims(StringBuilder html, List<Claim> claims)
    {
        html.Append("<h2>Claims</h2>\n");
        if (claims.Count == 0)
        {
            html.Append("<p id=\"claims\">The experiment recorded no claims.</p>\n");
            return;
        }
        RawTable(html, ["claim", "expected", "measured", "tolerance", "result"], claims.Select(c => (IReadOnlyList<string>)
        [
            E(c.Name), E(c.Expected), E(c.Measured), E(c.Tolerance),
            !c.Checked ? "<span class=\"finding\">finding</span>" : c.Holds ? "<span class=\"pass\">pass</span>" : "<span class=\"fail\">FAIL</span>",
        ]), "claims");
    }

    static void AppendSubRuns(StringBuilder html, string folder)
    {
        var runs = Directory.EnumerateDirectories(folder).Where(d => File.Exists(Path.Combine(d, "config.json")))
            .OrderBy(d => d, StringComparer.Ordinal).ToList();
        if (runs.Count == 0) return;
        html.Append("<h2>Runs in this folder</h2>\n");
        RawTable(html, ["run", "command", "claims", "report"], runs.Select(run =>
        {
            string name = Path.GetFileName(run);
            string command = CommandOf(run) ?? "";
            string claimText = CountClaims(run) is { } n
                ? $"<span class=\"{(n.Held == n.Checked ? "pass" : "fail")}\">{n.Held}/{n.Checked}</span>{(n.Findings > 0 ? $" (+{n.Findings} findings)" : "")}"
                : "—";
            string link = File.Exists(Path.Combine(run, FileName)) ? $"<a href=\"{E(Uri.EscapeDataString(name))}/{FileName}\">{E(name)}/{FileName}</a>" : "—";
            return (IReadOnlyList<string>)[E(name), E(command), claimText, link];
        }), "runs");
    }

    static void AppendTables(StringBuilder html, string folder)
    {
        var csvFiles = Directory.EnumerateFiles(folder, "*.csv").Select(Path.GetFileName).OfType<string>()
            .Where(f => f != "checks.csv" && !AtomicFile.IsTemporary(f))
            .OrderBy(f => f == "metrics.csv" ? 0 : 1).ThenBy(f => f, StringComparer.Ordinal).ToList();
        bool metricsJson = !csvFiles.Contains("metrics.csv") && File.Exists(Path.Combine(folder, "metrics.json"));
        if (csvFiles.Count == 0 && !metricsJson) return;
        html.Append("<h2>Tables</h2>\n");
        if (metricsJson)
        {
            html.Append("<h3>metrics.json</h3>\n");
            using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "metrics.json")));
            var rows = new List<IReadOnlyList<string>>();
            Flatten(metrics.RootElement, "", rows);
            Table(html, ["metric", "value"], rows, "metrics");
        }
        foreach (string file in csvFiles)
        {
            var rows = CsvText.Parse(File.ReadAllText(Path.Combine(folder, file)));
            if (rows.Count == 0) continue;
            // Short tables open, long ones folded (a click opens them; no script needed).
            html.Append(rows.Count - 1 <= OpenTableRows ? "<details open>" : "<details>")
                .Append("<summary><b>").Append(E(file)).Append("</b> ")
                .Append(E(string.Create(CultureInfo.InvariantCulture, $"({rows.Count - 1} rows)"))).Append("</summary>\n");
            Table(html, rows[0], rows.Skip(1).Take(MaximumTableRows).Select(r => (IReadOnlyList<string>)r),
                file == "metrics.csv" ? "metrics" : null);
            if (rows.Count - 1 > MaximumTableRows)
                html.Append(E(string.Create(CultureInfo.InvariantCulture, $"… {rows.Count - 1 - MaximumTableRows} more rows in {file}."))).Append('\n');
            html.Append("</details>\n");
        }
    }

    /// <summary>Figures of nested runs are embedded too when there are at most this many (e.g. the demo's stages).</summary>
    public const int MaximumNestedFigures = 12;

    static List<string> FiguresIn(string folder, string relative)
    {
        string directory = relative.Length == 0 ? folder : Path.Combine(folder, relative);
        var files = Directory.EnumerateFiles(directory).Select(Path.GetFileName).OfType<string>().Where(f => !AtomicFile.IsTemporary(f)).ToHashSet();
        return files.Where(f => f.EndsWith(".png", StringComparison.Ordinal)
                                || (f.EndsWith(".svg", StringComparison.Ordinal) && !files.Contains(Path.ChangeExtension(f, ".png"))))
            .OrderBy(f => f, StringComparer.Ordinal).Select(f => relative.Length == 0 ? f : Path.Combine(relative, f)).ToList();
    }

    static void AppendFigures(StringBuilder html, string folder)
    {
        var figures = FiguresIn(folder, "");
        var nested = Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories)
            .Where(d => File.Exists(Path.Combine(d, "config.json"))).OrderBy(d => d, StringComparer.Ordinal)
            .SelectMany(d => FiguresIn(folder, Path.GetRelativePath(folder, d))).ToList();
        if (nested.Count <= MaximumNestedFigures) figures.AddRange(nested);
        if (figures.Count == 0) return;
        html.Append("<h2>Figures</h2>\n");
        foreach (string figure in figures)
        {
            string path = Path.Combine(folder, figure);
            string caption = FigureCaptions.For(figure);
            string svg = Path.ChangeExtension(figure, ".svg");
            string link = string.Join('/', figure.Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString));
            string also = figure.EndsWith(".png", StringComparison.Ordinal) && File.Exists(Path.Combine(folder, svg))
                ? $" <a href=\"{E(Path.ChangeExtension(link, ".svg"))}\">SVG</a>" : "";
            html.Append("<figure>");
            if (new FileInfo(path).Length <= MaximumEmbeddedBytes)
            {
                string mime = figure.EndsWith(".svg", StringComparison.Ordinal) ? "image/svg+xml" : "image/png";
                html.Append($"<img alt=\"{E(caption)}\" src=\"data:{mime};base64,").Append(Convert.ToBase64String(File.ReadAllBytes(path))).Append("\">");
            }
            else
            {
                html.Append($"<p class=\"muted\">{E(figure)} is too large to embed: <a href=\"{E(link)}\">open it</a>.</p>");
            }
            html.Append("<figcaption><b>").Append(E(figure.Replace(Path.DirectorySeparatorChar, '/'))).Append("</b>: ").Append(E(caption)).Append(also).Append("</figcaption></figure>\n");
        }
    }

    static void AppendFiles(StringBuilder html, string folder)
    {
        var files = Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>()
            .Where(f => f != FileName && !AtomicFile.IsTemporary(f) && !f.StartsWith('.')).OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (files.Count == 0) return;
        html.Append("<h2>Files</h2>\n");
        Table(html, ["file", "bytes", "content"], files.Select(f =>
        {
            string path = Path.Combine(folder, f);
            string content = "";
            if (f.EndsWith(".npy", StringComparison.Ordinal))
            {
                try
                {
                    var header = NpyFile.ReadHeader(path);
                    content = $"NPY array {header.DataType} [{string.Join(", ", header.Shape)}]";
                }
                catch (Exception e) when (e is NpyFormatException or IOException)
                {
                    content = "unreadable NPY header: " + e.Message;
                }
            }
            return (IReadOnlyList<string>)[f, new FileInfo(path).Length.ToString(CultureInfo.InvariantCulture), content];
        }), "files");
    }

    static void AppendConfig(StringBuilder html, string folder)
    {
        string path = Path.Combine(folder, "config.json");
        if (!File.Exists(path)) return;
        html.Append("<h2>Configuration</h2>\n<p class=\"muted\">The fully resolved config.json: the run is reproduced by ");
        html.Append("<code>--config config.json</code> (or, for experiments, the same parameters through <code>--set</code>).</p>\n");
        string text = File.ReadAllText(path);
        try
        {
            using var config = JsonDocument.Parse(text);
            var rows = new List<IReadOnlyList<string>>();
            Flatten(config.RootElement, "", rows);
            Table(html, ["key", "value"], rows, "config");
        }
        catch (JsonException e)
        {
            html.Append("<p class=\"fail\">config.json does not parse: ").Append(E(e.Message)).Append("</p>\n");
        }
        html.Append("<details><summary>config.json</summary><pre>").Append(E(text)).Append("</pre></details>\n");
    }

    /// <summary>The <c>command</c> recorded in the config.json of the run in <paramref name="folder"/>, or null without one.</summary>
    public static string? CommandOf(string folder)
    {
        using var config = ReadConfig(folder);
        return config is { } c && c.RootElement.TryGetProperty("command", out var command) ? command.ToString() : null;
    }

    static JsonDocument? ReadConfig(string folder)
    {
        string path = Path.Combine(folder, "config.json");
        if (!File.Exists(path)) return null;
        try
        {
            return JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    static void Flatten(JsonElement element, string prefix, List<IReadOnlyList<string>> rows)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    Flatten(property.Value, prefix.Length == 0 ? property.Name : prefix + "." + property.Name, rows);
                break;
            case JsonValueKind.Array when element.EnumerateArray().All(e => e.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)):
                rows.Add([prefix, "[" + string.Join(", ", element.EnumerateArray().Select(e => e.ToString())) + "]"]);
                break;
            case JsonValueKind.Array:
                int i = 0;
                foreach (var item in element.EnumerateArray()) Flatten(item, $"{prefix}[{i++}]", rows);
                break;
            default:
                rows.Add([prefix, element.ValueKind == JsonValueKind.Null ? "null" : element.ToString()]);
                break;
        }
    }

    static string? FindScalar(JsonElement element, string key)
    {
        if (element.ValueKind != JsonValueKind.Object) return null;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name == key && property.Value.ValueKind is JsonValueKind.Number or JsonValueKind.String) return property.Value.ToString();
        }
        foreach (var property in element.EnumerateObject())
        {
            if (FindScalar(property.Value, key) is { } found) return found;
        }
        return null;
    }
}
