using Spectre.Console;

namespace ScoreScope.Cli.Terminal;

/// <summary>The set of progress bars of one command; silent (no output at all) when the terminal is not interactive.</summary>
public sealed class ProgressBoard
{
    readonly ProgressContext? _context;

    internal ProgressBoard(ProgressContext? context) => _context = context;

    /// <summary>A board whose stages report nowhere (redirected output, tests).</summary>
    public static ProgressBoard Silent { get; } = new(null);

    /// <summary>Adds a bar labelled <paramref name="description"/> that is complete at <paramref name="total"/> units.</summary>
    public ProgressStage AddStage(string description, double total) =>
        new(_context?.AddTask(Markup.Escape(description), autoStart: true, maxValue: Math.Max(total, 1)));
}
