namespace ScoreScope.Cli.Errors;

/// <summary>
/// Bad input from the user (an option value out of range, an unknown name, a missing or corrupt file, an existing
/// output folder). The message is the single line printed on stderr; the command exits with
/// <see cref="ExitCodes.Usage"/> and writes nothing.
/// </summary>
public sealed class UsageException : Exception
{
    public UsageException(string message) : base(message) { }

    public UsageException(string message, Exception innerException) : base(message, innerException) { }
}
