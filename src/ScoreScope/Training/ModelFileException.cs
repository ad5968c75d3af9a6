namespace ScoreScope.Training;

/// <summary>
/// A model or checkpoint file that fails verification: truncated, corrupted (its SHA-256 does not match its payload),
/// not a ScoreScope model file, or of an unknown format version. The message starts with the file's path.
/// </summary>
public sealed class ModelFileException : IOException
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public ModelFileException(string path, ModelFileProblem problem, string reason, Exception? innerException = null)
        : base($"'{path}' {reason}", innerException)
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>What is wrong with it.</summary>
    public ModelFileProblem Problem { get; }
}
