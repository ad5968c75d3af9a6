namespace ScoreScope.Cli.Settings;

/// <summary>The <c>"options"</c> of the top-level config.json of <c>scorescope reproduce all</c> (each experiment's
/// subfolder holds its own fully resolved config.json).</summary>
public sealed record ReproduceAllOptions
{
    /// <summary>The experiments run, in order.</summary>
    public required string[] Experiments { get; init; }

    /// <summary>Whether the quick presets ran.</summary>
    public bool Quick { get; init; }

    /// <summary>Whether --check was given.</summary>
    public bool Check { get; init; }

    /// <summary>The --seed given to every experiment (null: each its own default).</summary>
    public ulong? Seed { get; init; }

    /// <summary>libtorch CPU threads.</summary>
    public int Threads { get; init; }

    /// <summary>The --device given (null: each experiment's default).</summary>
    public string? Device { get; init; }
}
