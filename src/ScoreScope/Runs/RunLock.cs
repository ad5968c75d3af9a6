namespace ScoreScope.Runs;

/// <summary>
/// The lock of a run folder: a file <see cref="FileName"/> holding <see cref="RunLockInfo"/> (pid, host, start time),
/// created atomically (written to a temporary file, then linked to its name only if no lock exists). A lock whose
/// holder is dead (<see cref="RunLockInfo.IsAlive"/>) is taken over; a live one makes <see cref="Acquire"/> throw
/// <see cref="RunFolderException"/> with <see cref="RunFolderProblem.Locked"/> naming the holder. Disposing releases it.
/// </summary>
public sealed class RunLock : IDisposable
{
    /// <summary>The lock file's name inside the run folder (hidden; removed before a folder is final).</summary>
    public const string FileName = ".scorescope.lock";

    readonly string _path;
    bool _released;

    RunLock(string path, RunLockInfo info) => (_path, Info) = (path, info);

    /// <summary>What this lock records.</summary>
    public RunLockInfo Info { get; }

    /// <summary>Reads the lock of <paramref name="folder"/>; null when there is none or it is incomplete.</summary>
    public static RunLockInfo? Read(string folder)
    {
        try
        {
            return RunLockInfo.Parse(File.ReadAllText(Path.Combine(folder, FileName)));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Takes the lock of <paramref name="folder"/> for <paramref name="command"/>, taking over a dead holder's.</summary>
    /// <exception cref="RunFolderException">When a live process holds it, or the folder cannot be written.</exception>
    public static RunLock Acquire(string folder, string command)
    {
        var info = RunLockInfo.Current(command);
        string path = Path.Combine(folder, FileName);
        for (int attempt = 0; attempt < 3; attempt++)
        {
            if (TryCreate(path, info)) return new RunLock(path, info);
            var holder = Read(folder);
            if (holder is not null && holder.IsAlive)
            {
                throw new RunFolderException(folder, RunFolderProblem.Locked,
                    $"is being written by another process: {holder.Describe()}; wait for it to finish or stop it", holder);
            }
            // A dead holder's (or an incomplete) lock: move it aside atomically, so only one taker removes it.
            string aside = $"{path}.stale-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
            try
            {
                File.Move(path, aside);
                File.Delete(aside);
            }
            catch (FileNotFoundException)
            {
                // Another process took it over first; try again (and then see its live lock).
            }
        }
        var current = Read(folder);
        throw new RunFolderException(folder, RunFolderProblem.Locked,
            $"is being written by another process: {current?.Describe() ?? "unknown holder"}", current);
    }

    /// <summary>Removes the lock file.</summary>
    public void Release()
    {
        if (_released) return;
        _released = true;
        try
        {
            if (RunLockInfo.Parse(File.ReadAllText(_path)) is { } on && on.ProcessId == Info.ProcessId) File.Delete(_path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The folder was moved or removed with its lock (e.g. renamed to the target, which releases it there).
        }
    }

    /// <summary>Releases the lock held inside a folder that has been renamed to <paramref name="folder"/>.</summary>
    internal void ReleaseMovedTo(string folder)
    {
        _released = true;
        try
        {
            File.Delete(Path.Combine(folder, FileName));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <inheritdoc/>
    public void Dispose() => Release();

    static bool TryCreate(string path, RunLockInfo info)
    {
        string temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            File.WriteAllText(temporary, info.ToJson());
            try
            {
                File.Move(temporary, path, overwrite: false);
                return true;
            }
            catch (IOException) when (File.Exists(path))
            {
                return false;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RunFolderException(Path.GetDirectoryName(path)!, RunFolderProblem.NotWritable,
                $"cannot be locked: {e.Message}", innerException: e);
        }
        finally
        {
            try { File.Delete(temporary); } catch (IOException) { }
        }
    }
}
