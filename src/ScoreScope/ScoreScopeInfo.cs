namespace ScoreScope;

/// <summary>Version and build information recorded in every run's <c>config.json</c>.</summary>
public static class ScoreScopeInfo
{
    /// <summary>The informational version of the ScoreScope library assembly (e.g. <c>0.1.0</c>).</summary>
    public static string Version =>
        typeof(ScoreScopeInfo).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";
}
