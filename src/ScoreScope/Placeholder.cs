namespace ScoreScope;
/// <summary>Library version information.</summary>
public static class ScoreScopeInfo { /// <summary>The assembly version.</summary>
 public static string Version => typeof(ScoreScopeInfo).Assembly.GetName().Version?.ToString() ?? "0.0.0"; }
