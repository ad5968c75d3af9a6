namespace ScoreScope.Sweeps;

/// <summary>A sweep file that cannot be read or describes no valid sweep; the message names the file and the problem.</summary>
public sealed class SweepFileException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public SweepFileException(string path, string problem, Exception? inner = null)
        : base($"sweep file '{path}': {problem}", inner)
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The sweep file as given.</summary>
    public string Path { get; }

    /// <summary>What is wrong, without the file name.</summary>
    public string Problem { get; }
}
