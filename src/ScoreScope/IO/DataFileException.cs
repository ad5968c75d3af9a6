namespace ScoreScope.IO;

/// <summary>
/// A user data file (<c>.npy</c> or <c>.csv</c>) whose content cannot be used as a point set: unsupported extension,
/// unparsable or non-finite value, ragged rows, no rows. The message names the file and, where there is one, the
/// line (CSV), row and column of the offending value.
/// </summary>
public sealed class DataFileException : IOException
{
    /// <summary>Creates the exception; <paramref name="message"/> already names the file and position.</summary>
    public DataFileException(string filePath, string message, long? line = null, long? column = null)
        : base(PrintableText.Escape(message))
    {
        FilePath = filePath;
        Line = line;
        Column = column;
    }

    /// <summary>The offending file.</summary>
    public string FilePath { get; }

    /// <summary>The 1-based line of a CSV file, or the 1-based row of an array, when the problem has one.</summary>
    public long? Line { get; }

    /// <summary>The 1-based column (coordinate) of the offending value, when the problem has one.</summary>
    public long? Column { get; }
}
