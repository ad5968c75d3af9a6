using System.Net;
using System.Text;

namespace ScoreScope.Reports;

/// <summary>
/// The page skeleton shared by <see cref="RunReport"/> and <see cref="ReportIndex"/>: one HTML file with its style
/// inline, no scripts, no fonts or images from elsewhere (a strict Content-Security-Policy forbids any request).
/// </summary>
static class ReportHtml
{
    const string Style = """
        body { font-family: 'DejaVu Sans', Arial, sans-serif; margin: 2em auto; max-width: 1150px; color: #1b1b1b; line-height: 1.4; padding: 0 1em; }
        h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { font-size: 1.25em; border-bottom: 1px solid #ccc; margin-top: 1.8em; }
        h3 { font-size: 1.05em; margin-bottom: 0.3em; }
        table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.88em; display: block; max-width: 100%; overflow-x: auto; }
        th, td { border: 1px solid #d0d0d0; padding: 3px 8px; text-align: left; vertical-align: top; }
        th { background: #f2f2f2; } td.num { text-align: right; font-family: 'DejaVu Sans Mono', monospace; }
        .pass { color: #0a6b22; font-weight: bold; } .fail { color: #b00020; font-weight: bold; } .finding { color: #555; font-style: italic; }
        .verdict { display: inline-block; padding: 4px 12px; border-radius: 4px; margin: 0.4em 0; }
        .verdict.pass { background: #e3f4e6; } .verdict.fail { background: #fbe3e6; } .verdict.none { background: #eee; color: #333; }
        figure { display: inline-block; margin: 0.6em; max-width: 100%; vertical-align: top; }
        figure img { max-width: 540px; width: 100%; border: 1px solid #ddd; }
        figcaption { font-size: 0.85em; max-width: 540px; color: #333; }
        pre { background: #f7f7f7; padding: 0.6em; overflow-x: auto; font-size: 0.8em; }
        .muted { color: #666; font-size: 0.85em; }
        details { margin: 0.4em 0; } summary { cursor: pointer; }
        """;

    /// <summary>HTML-escaped <paramref name="text"/>.</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A complete page around <paramref name="body"/>.</summary>
    public static string Page(string title, string body) =>
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n" +
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">\n" +
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
        $"<title>{E(title)}</title>\n<style>\n{Style}\n</style>\n</head>\n<body>\n{body}</body>\n</html>\n";

    /// <summary>A table with a header row (none when <paramref name="header"/> is null); cells that parse as numbers are right-aligned.</summary>
    public static void Table(StringBuilder html, IReadOnlyList<string>? header, IEnumerable<IReadOnlyList<string>> rows, string? id = null) =>
        Write(html, header, rows.Select(row => row.Select(cell => (E(cell), IsNumber(cell)))), id);

    /// <summary>A table whose cells are already HTML (the caller escaped them).</summary>
    public static void RawTable(StringBuilder html, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, string? id = null) =>
        Write(html, header, rows.Select(row => row.Select(cell => (cell, false))), id);

    static void Write(StringBuilder html, IReadOnlyList<string>? header, IEnumerable<IEnumerable<(string Html, bool Numeric)>> rows, string? id)
    {
        html.Append(id is null ? "<table>\n" : $"<table id=\"{E(id)}\">\n");
        if (header is not null)
        {
            html.Append("<tr>");
            foreach (string h in header) html.Append("<th>").Append(E(h)).Append("</th>");
            html.Append("</tr>\n");
        }
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var (cell, numeric) in row) html.Append(numeric ? "<td class=\"num\">" : "<td>").Append(cell).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</table>\n");
    }

    static bool IsNumber(string cell) =>
        cell.Length > 0 && double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
}
