namespace ScoreScope.Experiments;

/// <summary>
/// Receives an experiment's progress: one line per stage started or finished and per noteworthy intermediate result.
/// The library never writes to the console; the CLI renders these lines on stderr.
/// </summary>
public interface IExperimentProgress
{
    /// <summary>Reports one line of progress.</summary>
    void Report(string message);
}
