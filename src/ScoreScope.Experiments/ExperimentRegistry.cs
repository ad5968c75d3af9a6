namespace ScoreScope.Experiments;

/// <summary>Every registered experiment, in the order <c>scorescope reproduce --list</c> and <c>reproduce all</c> use.
/// Adding an experiment is one folder and one line here.</summary>
public static class ExperimentRegistry
{
    /// <summary>The registered experiments.</summary>
    public static IReadOnlyList<IExperiment> All { get; } =
    [
        new Singular.SingularExperiment(),
        new Cumulants.CumulantsToyExperiment(),
        new Spectra.SpectraExperiment(),
        new Phi4.Phi4Experiment(),
        new OperatorInformed.OperatorInformedExperiment(),
        new MixedCumulants.MixedCumulantExperiment(),
        new SimplicityBias.SimplicityBiasExperiment(),
    ];

    /// <summary>The registered names.</summary>
    public static IReadOnlyList<string> Names => [.. All.Select(e => e.Name)];

    /// <summary>The experiment called <paramref name="name"/>, or null.</summary>
    public static IExperiment? Find(string name) => All.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.Ordinal));
}
