using System.Globalization;

namespace ScoreScope.IO;

/// <summary>
/// Parses a numeric comma-separated file into row-major float64 values: one point per line, an optional header row
/// (the first non-blank line, recognised by a field that is not a number), blank lines and lines starting with
/// <c>#</c> skipped, numbers in the invariant culture (<c>1.5e-3</c>, never <c>1,5</c>).
/// </summary>
internal static class CsvPoints
{
    internal static (double[] Values, long Rows, long Columns) Parse(string path)
    {
        var values = new List<double>();
        int columns = -1;
        long rows = 0, columnsLine = 0, lineNumber = 0;
        bool headerAllowed = true;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#')) continue;
            var fields = trimmed.Split(',');
            if (headerAllowed && fields.Any(f => !TryParse(f, out _)) && fields.All(f => f.Trim().Length > 0 && !LooksNumeric(f)))
            {
                headerAllowed = false;
                columns = fields.Length;
                columnsLine = lineNumber;
                continue;
            }
            headerAllowed = false;
            if (columns < 0)
            {
                columns = fields.Length;
                columnsLine = lineNumber;
            }
            else if (fields.Length != columns)
            {
                throw new DataFileException(path,
                    $"'{path}' line {lineNumber} has {fields.Length} comma-separated values but line {columnsLine} has {columns}; every row must have the same number of columns.",
                    lineNumber);
            }
            for (int column = 0; column < fields.Length; column++)
            {
                if (!TryParse(fields[column], out double value))
                {
                    string shown = fields[column].Trim();
                    string hint = shown.Contains(';') || shown.Contains(' ') || shown.Contains('\t') ? " (values must be separated by commas)" : "";
                    throw new DataFileException(path,
                        $"'{path}' line {lineNumber}, column {column + 1}: '{shown}' is not a number{hint}; expected a finite decimal such as 1.5 or -2e-3.",
                        lineNumber, column + 1);
                }
                if (!double.IsFinite(value))
                {
                    throw new DataFileException(path,
                        $"'{path}' line {lineNumber}, column {column + 1}: '{fields[column].Trim()}' is not finite; data values must be finite numbers.",
                        lineNumber, column + 1);
                }
                values.Add(value);
            }
            rows++;
        }
        if (rows == 0)
            throw new DataFileException(path, $"'{path}' has no data rows; expected one comma-separated point per line.");
        return (values.ToArray(), rows, columns);
    }

    static bool TryParse(string field, out double value) =>
        double.TryParse(field.AsSpan().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>A field that starts like a number (digit, sign, point) is data, so a typo in row one is an error, not a header.</summary>
    static bool LooksNumeric(string field)
    {
        var text = field.AsSpan().Trim();
        return text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] is '+' or '-' or '.');
    }
}
