using Spectre.Console;

namespace ScoreScope.Cli.Terminal;

/// <summary>
/// Where a command writes: results and tables to <see cref="Output"/> (stdout, pipeable), errors and progress to
/// <see cref="Error"/> (stderr). Progress bars and colours are used only when <see cref="Interactive"/> is true, i.e.
/// stderr is a real terminal; redirected output, CI logs and tests get plain text and no progress bars.
/// </summary>
public sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error, bool interactive)
    {
        Output = output;
        Error = error;
        Interactive = interactive;
        OutputConsole = Create(output, interactive);
    }

    /// <summary>Standard output: where results, paths and tables go.</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error: where the one-line error messages and progress go.</summary>
    public TextWriter Error { get; }

    /// <summary>Whether stderr is an interactive terminal (progress bars and colours on).</summary>
    public bool Interactive { get; }

    /// <summary>A Spectre console writing to <see cref="Output"/>, for tables.</summary>
    public IAnsiConsole OutputConsole { get; }

    /// <summary>
    /// Runs <paramref name="work"/>, showing a Spectre progress display on stderr when interactive; otherwise runs
    /// it with stages that report nowhere.
    /// </summary>
    public T WithProgress<T>(Func<ProgressBoard, T> work)
    {
        if (!Interactive)
        {
            return work(ProgressBoard.Silent);
        }
        var console = Create(Error, interactive: true);
        return console.Progress()
            .AutoClear(true)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                     new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context => work(new ProgressBoard(context)));
    }

    static IAnsiConsole Create(TextWriter writer, bool interactive) =>
        AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
}
