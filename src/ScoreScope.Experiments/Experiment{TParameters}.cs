namespace ScoreScope.Experiments;

/// <summary>
/// The base of every experiment: typed parameters with a full and a quick preset, validation of the common
/// parameters (threads, device) before the experiment's own, and the typed run.
/// </summary>
/// <typeparam name="TParameters">The experiment's parameter record.</typeparam>
public abstract class Experiment<TParameters> : IExperiment where TParameters : ExperimentParameters
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract string Summary { get; }

    /// <inheritdoc />
    public abstract PaperReference Paper { get; }

    /// <inheritdoc />
    public abstract IReadOnlyList<string> Stages { get; }

    /// <inheritdoc />
    public virtual IReadOnlyList<string> Devices { get; } = ["cpu"];

    /// <inheritdoc />
    public Type ParametersType => typeof(TParameters);

    /// <summary>The paper-scale parameters.</summary>
    public abstract TParameters Full { get; }

    /// <summary>The minute-scale parameters (<see cref="ExperimentParameters.Quick"/> set).</summary>
    public abstract TParameters Quick { get; }

    /// <inheritdoc />
    public ExperimentParameters Preset(bool quick) => quick ? Quick : Full;

    /// <inheritdoc />
    public void Validate(ExperimentParameters parameters) => Validate(Cast(parameters));

    /// <summary>Checks the common parameters, then the experiment's own (<see cref="ValidateOwn"/>).</summary>
    /// <exception cref="ExperimentParameterException">Naming the first invalid parameter.</exception>
    public void Validate(TParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ParameterChecks.AtLeast("threads", parameters.Threads, 1);
        if (!Devices.Contains(parameters.Device, StringComparer.Ordinal))
            throw new ExperimentParameterException("device", parameters.Device, $"one of {string.Join(", ", Devices)} (this experiment's devices)");
        ValidateOwn(parameters);
    }

    /// <inheritdoc />
    public ExperimentOutcome Run(ExperimentParameters parameters, ExperimentContext context) => Run(Cast(parameters), context);

    /// <summary>Validates <paramref name="parameters"/> and runs the experiment into <see cref="ExperimentContext.Folder"/>.</summary>
    public ExperimentOutcome Run(TParameters parameters, ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Validate(parameters);
        if (!Directory.Exists(context.Folder))
            throw new DirectoryNotFoundException($"the run folder '{context.Folder}' does not exist; create it (empty) before running {Name}");
        return RunValidated(parameters, context);
    }

    /// <summary>Checks the experiment's own parameters.</summary>
    protected abstract void ValidateOwn(TParameters parameters);

    /// <summary>Runs every stage with parameters already validated.</summary>
    protected abstract ExperimentOutcome RunValidated(TParameters parameters, ExperimentContext context);

    TParameters Cast(ExperimentParameters parameters) => parameters as TParameters ?? throw new ArgumentException(
        $"experiment {Name} takes {typeof(TParameters).Name}, got {parameters?.GetType().Name ?? "null"}", nameof(parameters));
}
