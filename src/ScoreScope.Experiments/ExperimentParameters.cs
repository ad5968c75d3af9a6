namespace ScoreScope.Experiments;

/// <summary>
/// The parameters every experiment has, besides its own (the paper's model, dimensions and budgets): whether they are
/// the minute-scale preset, the seed of every random draw, the libtorch CPU threads and the device. An experiment's
/// parameter record derives from this one; the whole record is written as the <c>"options"</c> of config.json.
/// </summary>
public abstract record ExperimentParameters
{
    /// <summary>Whether this is the minute-scale quick preset (an experiment may report some claims only as findings then).</summary>
    public bool Quick { get; init; }

    /// <summary>The seed of every random draw; child seeds derive from it (<see cref="Numerics.Seeds.Derive(ulong, string)"/>).</summary>
    public ulong Seed { get; init; }

    /// <summary>libtorch CPU threads used by the run (recorded: bitwise reproducibility holds per thread count).</summary>
    public int Threads { get; init; } = 1;

    /// <summary>The device the experiment runs on (<c>cpu</c>; see <see cref="IExperiment.Devices"/>).</summary>
    public string Device { get; init; } = "cpu";
}
