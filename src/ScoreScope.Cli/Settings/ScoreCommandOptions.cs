namespace ScoreScope.Cli.Settings;

/// <summary>The options of a <c>scorescope score</c> run, as recorded in its config.json.</summary>
/// <param name="Points">The points file (absolute path).</param>
/// <param name="Times">The times.</param>
/// <param name="Data">The distribution (built-in name or absolute file path), or null with a model.</param>
/// <param name="Model">The trained run folder (absolute path), or null with a distribution.</param>
/// <param name="Process">The forward process used.</param>
public sealed record ScoreCommandOptions(string Points, double[] Times, string? Data, string? Model, string Process);
