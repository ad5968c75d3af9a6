namespace ScoreScope;

/// <summary>Version and build information recorded in every run's <c>config.json</c>.</summary>
public static class ScoreScopeInfo
{
    /// <summary>The informational version of the ScoreScope library assembly (e.g. <c>0.1.0</c>).</summary>
    public static string Version =>
        typeof(ScoreScopeInfo).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";

    /// <summary>
    /// The git commit the library was built from (the SDK's SourceRevisionId, appended to the informational version as
    /// <c>+commit</c>), or <c>unknown</c> when it was built outside a git checkout.
    /// </summary>
    public static string Commit
    {
        get
        {
            string? informational = System.Reflection.CustomAttributeExtensions
                .GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>(typeof(ScoreScopeInfo).Assembly)?.InformationalVersion;
            int plus = informational?.IndexOf('+', StringComparison.Ordinal) ?? -1;
            return plus >= 0 && plus + 1 < informational!.Length ? informational[(plus + 1)..] : "unknown";
        }
    }
}
