using System.Globalization;
using System.Text;
using ScoreScope.Runs;
using static ScoreScope.Reports.ReportHtml;

namespace ScoreScope.Reports;

/// <summary>
/// Writes <c>index.html</c>: one self-contained page linking the report of each run (e.g. each experiment of
/// <c>scorescope reproduce all</c>) with the state of its claims.
/// </summary>
public static class ReportIndex
{
    /// <summary>The index's file name.</summary>
    public const string FileName = "index.html";

    /// <summary>Writes the index of <paramref name="entries"/> into <paramref name="folder"/> and returns its path.</summary>
    public static string Write(string folder, string title, IReadOnlyList<ReportIndexEntry> entries, RunProvenance provenance)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(provenance);
        var html = new StringBuilder();
        html.Append("<h1>").Append(E(title)).Append("</h1>\n");
        int passing = entries.Count(e => e.AllHold);
        html.Append($"<p class=\"verdict {(passing == entries.Count ? "pass" : "fail")}\" id=\"verdict\">")
            .Append(E(string.Create(CultureInfo.InvariantCulture, $"{(passing == entries.Count ? "PASS" : "FAIL")}: {passing} of {entries.Count} runs hold every checked claim")))
            .Append("</p>\n");
        RawTable(html, ["run", "what it measures", "claims", "findings", "seconds", "report"], entries.Select(e => (IReadOnlyList<string>)
        [
            E(e.Name), E(e.Summary),
            e.ClaimsChecked == 0
                ? "<span class=\"finding\">none checked</span>"
                : $"<span class=\"{(e.AllHold ? "pass" : "fail")}\">{e.ClaimsHeld}/{e.ClaimsChecked} {(e.AllHold ? "pass" : "FAIL")}</span>",
            e.Findings.ToString(CultureInfo.InvariantCulture),
            e.Seconds.ToString("F1", CultureInfo.InvariantCulture),
            $"<a href=\"{E(e.ReportPath)}\">{E(e.ReportPath)}</a>",
        ]), "claims");
        html.Append("<p class=\"muted\">")
            .Append(E(string.Create(CultureInfo.InvariantCulture,
                $"ScoreScope {provenance.Version} (commit {provenance.Commit}), {provenance.Threads} threads on {provenance.Machine}; started {provenance.Started:yyyy-MM-dd HH:mm:ss zzz}, wall time {provenance.WallSeconds:F1} s.")))
            .Append("</p>\n");
        string path = Path.Combine(folder, FileName);
        AtomicFile.WriteAllText(path, Page(title, html.ToString()));
        return path;
    }
}
