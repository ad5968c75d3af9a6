namespace ScoreScope.Cli.Errors;

/// <summary>Turns a library <see cref="ArgumentException"/> raised while resolving an option into a <see cref="UsageException"/>.</summary>
public static class UsageGuard
{
    /// <summary>Runs <paramref name="create"/>; an <see cref="ArgumentException"/> becomes a usage error naming <paramref name="option"/>.</summary>
    public static T Run<T>(Func<T> create, string option)
    {
        try
        {
            return create();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(ErrorText.ForOption(e, option), e);
        }
    }
}
