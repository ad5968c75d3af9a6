namespace ScoreScope.Experiments;

/// <summary>An experiment parameter has a value outside what the experiment accepts.</summary>
public sealed class ExperimentParameterException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="parameter"/> (kebab-case, as in config.json and <c>--set</c>).</summary>
    /// <param name="parameter">The parameter's name, e.g. <c>steps</c>.</param>
    /// <param name="value">The offending value as text.</param>
    /// <param name="valid">What is valid, e.g. <c>an integer ≥ 1</c>.</param>
    public ExperimentParameterException(string parameter, string value, string valid)
        : base($"{parameter}={value}: expected {valid}")
    {
        Parameter = parameter;
        Value = value;
        Valid = valid;
    }

    /// <summary>The parameter's kebab-case name.</summary>
    public string Parameter { get; }

    /// <summary>The offending value.</summary>
    public string Value { get; }

    /// <summary>What is valid.</summary>
    public string Valid { get; }
}
