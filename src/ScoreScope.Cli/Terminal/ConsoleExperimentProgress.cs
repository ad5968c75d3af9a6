using ScoreScope.Experiments;

namespace ScoreScope.Cli.Terminal;

/// <summary>Writes an experiment's progress lines to stderr, prefixed with the experiment's name.</summary>
public sealed class ConsoleExperimentProgress : IExperimentProgress
{
    readonly TextWriter _error;
    readonly string _prefix;

    /// <summary>Creates the progress sink for experiment <paramref name="name"/>.</summary>
    public ConsoleExperimentProgress(CliConsole console, string name)
    {
        ArgumentNullException.ThrowIfNull(console);
        _error = console.Error;
        _prefix = $"[{name}] ";
    }

    /// <inheritdoc />
    public void Report(string message) => _error.WriteLine(_prefix + message);
}
