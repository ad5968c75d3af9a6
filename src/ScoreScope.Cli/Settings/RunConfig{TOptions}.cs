using System.Text.Json.Serialization;

namespace ScoreScope.Cli.Settings;

/// <summary>
/// The <c>config.json</c> of a run: the command, the ScoreScope version, the fully resolved <see cref="Options"/>
/// (every option including the seed) and, for the record only, what the names resolved to. Passing this file back
/// with <c>--config</c> reproduces the run.
/// </summary>
public sealed record RunConfig<TOptions> where TOptions : class
{
    /// <summary>The command that wrote the file (<c>sample</c>, <c>demo</c>).</summary>
    public required string Command { get; init; }

    /// <summary>The ScoreScope version that wrote the file.</summary>
    [JsonPropertyName("scorescope-version")]
    public required string ScoreScopeVersion { get; init; }

    /// <summary>The resolved options; the only part read back by <c>--config</c>.</summary>
    public required TOptions Options { get; init; }

    /// <summary>Human-readable provenance (library objects, shapes, file hashes, timing); ignored when read back.</summary>
    public IReadOnlyDictionary<string, string>? Resolved { get; init; }
}
