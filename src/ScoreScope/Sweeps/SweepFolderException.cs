namespace ScoreScope.Sweeps;

/// <summary>A sweep output folder that cannot be used; the message names the folder and the problem.</summary>
public sealed class SweepFolderException : Exception
{
    /// <summary>Creates the exception for folder <paramref name="path"/>.</summary>
    public SweepFolderException(string path, string problem) : base($"'{path}' {problem}")
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The folder as given.</summary>
    public string Path { get; }

    /// <summary>What is wrong, without the folder name.</summary>
    public string Problem { get; }
}
