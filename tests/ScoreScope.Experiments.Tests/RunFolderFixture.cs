namespace ScoreScope.Experiments.Tests;

/// <summary>An empty temporary folder for one experiment run, deleted afterwards.</summary>
public sealed class RunFolderFixture : IDisposable
{
    /// <summary>The folder (exists, empty at first).</summary>
    public string Folder { get; } = Directory.CreateTempSubdirectory("scorescope-experiment-").FullName;

    /// <summary>The path of <paramref name="file"/> inside <see cref="Folder"/>.</summary>
    public string PathOf(string file) => Path.Combine(Folder, file);

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
