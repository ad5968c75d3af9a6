using ScoreScope.Cli.Errors;

namespace ScoreScope.Cli.Runs;

/// <summary>
/// Atomic run folders: a run is written into a hidden temporary folder next to the target
/// (<c>.NAME.partial-XXXXXXXX</c>) and renamed to the target only when complete, so a failed or interrupted run leaves
/// nothing half-written. An existing target is an error unless <c>--force</c>, which replaces it; even with
/// <c>--force</c>, only an empty folder or a previous ScoreScope run (a folder holding <c>config.json</c>) is replaced.
/// </summary>
public static class RunFolder
{
    /// <summary>The file whose presence marks a folder as a ScoreScope run that <c>--force</c> may replace.</summary>
    public const string MarkerFile = "config.json";

    /// <summary>Checks, before any work, that <paramref name="target"/> may be written.</summary>
    /// <exception cref="UsageException">When the target exists (without force) or may not be replaced.</exception>
    public static void CheckTarget(string target, bool force, string option = "--out")
    {
        string full = Path.GetFullPath(target);
        string cwd = Path.GetFullPath(Environment.CurrentDirectory);
        if (File.Exists(full))
        {
            throw new UsageException($"{option} '{target}' is an existing file; expected a folder path that does not exist yet");
        }
        if (!Directory.Exists(full))
        {
            return;
        }
        if (!force)
        {
            throw new UsageException($"{option} '{target}' already exists; pass --force to replace it, or choose another folder");
        }
        if (IsSameOrAncestor(full, cwd) || Path.GetPathRoot(full) == full)
        {
            throw new UsageException($"{option} '{target}' is the current folder, one of its parents or a root; refusing to replace it even with --force");
        }
        if (!File.Exists(Path.Combine(full, MarkerFile)) && Directory.EnumerateFileSystemEntries(full).Any())
        {
            throw new UsageException($"{option} '{target}' is a non-empty folder without {MarkerFile} (not a ScoreScope run); refusing to replace it even with --force");
        }
    }

    /// <summary>
    /// Creates a temporary folder next to <paramref name="target"/>, lets <paramref name="write"/> fill it, then renames
    /// it to <paramref name="target"/> (replacing an existing run when <paramref name="force"/>). On any exception the
    /// temporary folder, and any parent folders created for it, are removed and the exception propagates.
    /// </summary>
    public static T Write<T>(string target, bool force, Func<string, T> write)
    {
        CheckTarget(target, force);
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        string parent = Path.GetDirectoryName(full) ?? throw new UsageException($"--out '{target}' has no parent folder");
        string? firstCreated = FirstMissingAncestor(parent);
        Directory.CreateDirectory(parent);
        string name = Path.GetFileName(full);
        string temp = Path.Combine(parent, $".{name}.partial-{Guid.NewGuid().ToString("N")[..8]}");
        try
        {
            Directory.CreateDirectory(temp);
            T result = write(temp);
            Commit(temp, full, force);
            return result;
        }
        catch
        {
            TryDelete(temp);
            if (firstCreated is not null)
            {
                TryDelete(firstCreated);
            }
            throw;
        }
    }

    static void Commit(string temp, string full, bool force)
    {
        if (!Directory.Exists(full))
        {
            Directory.Move(temp, full);
            return;
        }
        if (!force)
        {
            throw new UsageException($"--out '{full}' appeared while the run was in progress; pass --force to replace it");
        }
        string old = $"{Path.GetDirectoryName(full)}{Path.DirectorySeparatorChar}.{Path.GetFileName(full)}.replaced-{Guid.NewGuid().ToString("N")[..8]}";
        Directory.Move(full, old);
        Directory.Move(temp, full);
        TryDelete(old);
    }

    static string? FirstMissingAncestor(string folder)
    {
        string? missing = null;
        for (string? f = folder; f is not null && !Directory.Exists(f); f = Path.GetDirectoryName(f))
        {
            missing = f;
        }
        return missing;
    }

    static bool IsSameOrAncestor(string candidate, string path)
    {
        var c = Path.TrimEndingDirectorySeparator(candidate);
        var p = Path.TrimEndingDirectorySeparator(path);
        return p == c || p.StartsWith(c + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a leftover hidden .partial folder is harmless and never mistaken for a run.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
