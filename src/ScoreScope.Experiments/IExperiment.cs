namespace ScoreScope.Experiments;

/// <summary>
/// One paper experiment: its name, the paper it reproduces, its parameters (the paper's own, with a full and a quick
/// preset), its stages and its run, which writes tables, figures and data into a folder and returns its claims.
/// Implement it through <see cref="Experiment{TParameters}"/> and register it in <see cref="ExperimentRegistry"/>.
/// </summary>
public interface IExperiment
{
    /// <summary>The short name used by <c>scorescope reproduce NAME</c>, e.g. <c>singular</c>.</summary>
    string Name { get; }

    /// <summary>One sentence: what the experiment measures.</summary>
    string Summary { get; }

    /// <summary>The paper reproduced.</summary>
    PaperReference Paper { get; }

    /// <summary>The stages in the order they run, one line each.</summary>
    IReadOnlyList<string> Stages { get; }

    /// <summary>The devices the experiment runs on (the first is the default).</summary>
    IReadOnlyList<string> Devices { get; }

    /// <summary>The type of the parameter record (derived from <see cref="ExperimentParameters"/>).</summary>
    Type ParametersType { get; }

    /// <summary>The full (paper-scale) or quick (minute-scale) preset.</summary>
    ExperimentParameters Preset(bool quick);

    /// <summary>Checks <paramref name="parameters"/>.</summary>
    /// <exception cref="ExperimentParameterException">Naming the first invalid parameter, its value and what is valid.</exception>
    void Validate(ExperimentParameters parameters);

    /// <summary>Validates <paramref name="parameters"/> and runs every stage into <see cref="ExperimentContext.Folder"/>.</summary>
    /// <exception cref="ExperimentParameterException">When a parameter is invalid (before any work).</exception>
    ExperimentOutcome Run(ExperimentParameters parameters, ExperimentContext context);
}
