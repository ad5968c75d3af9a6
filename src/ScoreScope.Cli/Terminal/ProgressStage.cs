using Spectre.Console;

namespace ScoreScope.Cli.Terminal;

/// <summary>One progress bar; every member is a no-op on a silent board.</summary>
public sealed class ProgressStage
{
    readonly ProgressTask? _task;

    internal ProgressStage(ProgressTask? task) => _task = task;

    /// <summary>Advances the bar by <paramref name="amount"/> units.</summary>
    public void Advance(double amount) => _task?.Increment(amount);

    /// <summary>Sets the bar to <paramref name="value"/> units.</summary>
    public void SetValue(double value)
    {
        if (_task is { } task)
        {
            task.Value = Math.Min(value, task.MaxValue);
        }
    }

    /// <summary>Replaces the bar's label (e.g. to show the current loss).</summary>
    public void Describe(string description)
    {
        if (_task is { } task)
        {
            task.Description = Markup.Escape(description);
        }
    }

    /// <summary>Fills the bar.</summary>
    public void Complete()
    {
        if (_task is { } task)
        {
            task.Value = task.MaxValue;
            task.StopTask();
        }
    }
}
