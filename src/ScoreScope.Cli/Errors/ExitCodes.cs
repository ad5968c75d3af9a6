namespace ScoreScope.Cli.Errors;

/// <summary>Process exit codes of <c>scorescope</c> (STYLE B11).</summary>
public static class ExitCodes
{
    /// <summary>The command ran to completion.</summary>
    public const int Success = 0;

    /// <summary>A runtime failure that is not the user's input (I/O error, internal error).</summary>
    public const int Failure = 1;

    /// <summary>Bad input: parse error, invalid option value, missing or corrupt file, existing output.</summary>
    public const int Usage = 2;

    /// <summary><c>reproduce ... --check</c>: the run completed but at least one claim failed (see checks.csv).</summary>
    public const int CheckFailed = 3;

    /// <summary>Interrupted by Ctrl+C / SIGTERM (128 + SIGINT); partial output is removed.</summary>
    public const int Cancelled = 130;
}
