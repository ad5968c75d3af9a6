namespace ScoreScope.Experiments;

/// <summary>An <see cref="IExperimentProgress"/> that discards every line (library calls and tests).</summary>
public sealed class NoProgress : IExperimentProgress
{
    /// <summary>The shared instance.</summary>
    public static NoProgress Instance { get; } = new();

    /// <inheritdoc />
    public void Report(string message)
    {
    }
}
