namespace ScoreScope.Cli.Errors;

/// <summary>
/// Training stopped on a NaN or infinite loss. The message is the single line printed on stderr; the command exits with
/// <see cref="ExitCodes.Failure"/> and keeps the run folder with its last good checkpoint.
/// </summary>
public sealed class TrainingFailedException : Exception
{
    public TrainingFailedException(string message) : base(message) { }

    public TrainingFailedException(string message, Exception innerException) : base(message, innerException) { }
}
