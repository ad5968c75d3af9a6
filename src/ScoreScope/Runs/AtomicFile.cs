namespace ScoreScope.Runs;

/// <summary>
/// Writes a file via a temporary sibling (<c>.NAME.PID.tmp</c>), a flush to disk and a rename, so readers never see a
/// half-written file and an I/O error (disk full, permission lost) leaves the previous version intact. Every call is
/// one <em>write point</em>; <see cref="InjectFault"/> makes the k-th write point of the current logical call context
/// fail, for tests of what a failing write leaves behind.
/// </summary>
public static class AtomicFile
{
    /// <summary>The suffix of temporary files; <see cref="RunFolder"/> never lets one reach a final folder.</summary>
    public const string TemporarySuffix = ".tmp";

    static readonly AsyncLocal<WriteFaultInjection?> Fault = new();

    /// <summary>Writes <paramref name="path"/> with the bytes <paramref name="write"/> puts in the stream.</summary>
    /// <exception cref="IOException">When writing or renaming fails; the previous file, if any, is unchanged.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temporary = TemporaryPathOf(full);
        var fault = Fault.Value?.Next(full);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                write(stream);
                if (fault is not null)
                {
                    // The injected failure strikes mid-file, after some bytes reached the temporary file.
                    stream.Flush();
                    throw fault;
                }
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8) atomically.</summary>
    public static void WriteAllText(string path, string text) =>
        Write(path, s => { using var w = new StreamWriter(s, leaveOpen: true); w.Write(text); });

    /// <summary>Writes <paramref name="bytes"/> atomically.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var copy = bytes.ToArray();
        Write(path, s => s.Write(copy));
    }

    /// <summary>
    /// Appends <paramref name="text"/> to <paramref name="path"/> as one write point (for logs such as metrics.csv whose
    /// complete rows matter; a failure may leave a partial last line, which readers must ignore).
    /// </summary>
    public static void Append(string path, string text)
    {
        var fault = Fault.Value?.Next(Path.GetFullPath(path));
        if (fault is not null) throw fault;
        File.AppendAllText(path, text);
    }

    /// <summary>The temporary file <see cref="Write"/> uses for <paramref name="fullPath"/>.</summary>
    public static string TemporaryPathOf(string fullPath) =>
        Path.Combine(Path.GetDirectoryName(fullPath)!, $".{Path.GetFileName(fullPath)}.{Environment.ProcessId}{TemporarySuffix}");

    /// <summary>Whether <paramref name="fileName"/> is a temporary file of <see cref="Write"/> (of any process).</summary>
    public static bool IsTemporary(string fileName) =>
        fileName.StartsWith('.') && fileName.EndsWith(TemporarySuffix, StringComparison.Ordinal);

    /// <summary>
    /// Makes write point number <paramref name="writePoint"/> (1-based, counted from now) of the current logical call
    /// context (this thread and the tasks it starts) throw an <see cref="IOException"/> like a full disk; disposing
    /// the result ends the injection. <see cref="WriteFaultInjection.Count"/> tells how many write points were passed.
    /// </summary>
    public static WriteFaultInjection InjectFault(int writePoint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(writePoint);
        var injection = new WriteFaultInjection(writePoint, () => Fault.Value = null);
        Fault.Value = injection;
        return injection;
    }
}
