using System.Text;

namespace ScoreScope.IO;

/// <summary>
/// A small RFC 4180 reader (quoted fields, doubled quotes) for the CSV tables a run folder holds (checks.csv, metrics.csv,
/// results tables): used by the reports and the sweep table.
/// </summary>
static class CsvText
{
    /// <summary>The fields of one line (no line breaks inside quotes).</summary>
    public static List<string> SplitLine(string line) => Parse(line).FirstOrDefault()?.ToList() ?? [""];

    /// <summary>The rows of <paramref name="text"/>, each a list of fields; empty lines are skipped.</summary>
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, any = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; any = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); any = true; break;
                case '\r': break;
                case '\n':
                    if (any || field.Length > 0) { fields.Add(field.ToString()); rows.Add([.. fields]); }
                    fields.Clear(); field.Clear(); any = false;
                    break;
                default: field.Append(c); any = true; break;
            }
        }
        if (any || field.Length > 0) { fields.Add(field.ToString()); rows.Add([.. fields]); }
        return rows;
    }
}
