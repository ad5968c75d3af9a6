namespace ScoreScope.Experiments;

/// <summary>Where and how an experiment runs.</summary>
/// <param name="Folder">An existing, empty folder that receives every file of the run (the CLI passes the temporary
/// folder of an atomic run folder and adds config.json).</param>
/// <param name="Progress">Receives progress lines.</param>
/// <param name="CancellationToken">Stops the run between stages.</param>
public sealed record ExperimentContext(string Folder, IExperimentProgress Progress, CancellationToken CancellationToken = default);
