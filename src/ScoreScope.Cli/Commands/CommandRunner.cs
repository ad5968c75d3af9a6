using ScoreScope.Cli.Errors;
using ScoreScope.Cli.Terminal;
using ScoreScope.Runs;

namespace ScoreScope.Cli.Commands;

/// <summary>
/// Runs a command body and maps every failure to one line on stderr and an exit code: bad input
/// (<see cref="UsageException"/>, a library <see cref="ArgumentException"/>, a <see cref="RunFolderException"/> of
/// <c>--out</c>) → 2; cancellation → 130; anything else
/// → 1. The stack trace follows only with <c>--verbose</c>. Every line is written through
/// <see cref="ScoreScope.IO.PrintableText"/>, so no command needs to escape the values it echoes in its messages.
/// </summary>
public static class CommandRunner
{
    /// <summary>Runs <paramref name="body"/> as command <paramref name="command"/>.</summary>
    public static int Run(string command, CliConsole console, bool verbose, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (UsageException e)
        {
            return Report(console, verbose, e, $"scorescope {command}: {e.Message}", ExitCodes.Usage);
        }
        catch (RunFolderException e)
        {
            return Report(console, verbose, e, $"scorescope {command}: --out {ErrorText.OneLine(e)}", ExitCodes.Usage);
        }
        catch (OperationCanceledException e)
        {
            return Report(console, verbose, e, $"scorescope {command}: cancelled; nothing was written", ExitCodes.Cancelled);
        }
        catch (ArgumentException e)
        {
            return Report(console, verbose, e, $"scorescope {command}: {ErrorText.OneLine(e)}", ExitCodes.Usage);
        }
        catch (Exception e)
        {
            return Report(console, verbose, e, $"scorescope {command}: failed: {ErrorText.OneLine(e)}", ExitCodes.Failure);
        }
    }

    static int Report(CliConsole console, bool verbose, Exception exception, string line, int exitCode)
    {
        console.Error.WriteLine(ScoreScope.IO.PrintableText.Escape(line));
        if (verbose)
        {
            foreach (string traceLine in exception.ToString().Split('\n'))
                console.Error.WriteLine(ScoreScope.IO.PrintableText.Escape(traceLine.TrimEnd('\r')));
        }
        return exitCode;
    }
}
