namespace ScoreScope.IO;

/// <summary>
/// A <c>.npy</c> file that cannot be read as asked: corrupt or unsupported header, unsupported dtype or memory
/// order, truncated data, or a rank other than the one the caller demands. The message names the file, the
/// offending value and what is valid.
/// </summary>
public sealed class NpyFormatException : IOException
{
    /// <summary>Creates the exception for <paramref name="filePath"/> with a message that already names the file.</summary>
    public NpyFormatException(string filePath, string message, Exception? innerException = null)
        : base(PrintableText.Escape(message), innerException)
    {
        FilePath = filePath;
    }

    /// <summary>The file that could not be read.</summary>
    public string FilePath { get; }
}
