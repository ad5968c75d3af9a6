using System.Text.Json;
using ScoreScope.IO;
using ScoreScope.Runs;

namespace ScoreScope.Sweeps;

/// <summary>
/// The output folder of a sweep: <c>sweep.json</c> (the sweep's name, command and every point with its options),
/// <c>points/ID/</c> (each point's run folder, written by the command itself), <c>status/ID.json</c> (the record of the
/// last attempt, <see cref="SweepPointStatus"/>), <c>logs/ID.log</c> (the point's output). A folder holds one sweep: the
/// same name and command may be rerun (and its axes edited); anything else is refused.
/// </summary>
public sealed class SweepFolder
{
    /// <summary>The file describing the sweep.</summary>
    public const string SweepFileName = "sweep.json";

    SweepFolder(string path) => Path = System.IO.Path.GetFullPath(path);

    /// <summary>The folder (full path).</summary>
    public string Path { get; }

    /// <summary>The run folder of point <paramref name="id"/>.</summary>
    public string PointFolder(string id) => System.IO.Path.Combine(Path, "points", id);

    /// <summary>The output log of point <paramref name="id"/>.</summary>
    public string LogFile(string id) => System.IO.Path.Combine(Path, "logs", id + ".log");

    string StatusFile(string id) => System.IO.Path.Combine(Path, "status", id + ".json");

    /// <summary>
    /// Opens <paramref name="path"/> for <paramref name="sweep"/>: creates it (and its sub-folders) when missing, checks
    /// that an existing one holds the same sweep, and records the sweep and its current <paramref name="points"/> in
    /// sweep.json (points dropped from an edited sweep keep their run folders but leave the table).
    /// </summary>
    /// <exception cref="SweepFolderException">When the folder holds a different sweep, is a non-empty folder that is no sweep, or is a file.</exception>
    public static SweepFolder Create(string path, SweepDefinition sweep, IReadOnlyList<SweepPoint> points)
    {
        var folder = Open(path, mustExist: false);
        if (folder.ReadRecord() is { } existing)
        {
            if (existing.Name != sweep.Name || existing.Command != sweep.CommandText)
                throw new SweepFolderException(path, $"holds a different sweep ('{existing.Name}', command '{existing.Command}'), not '{sweep.Name}' ('{sweep.CommandText}'); choose another folder");
        }
        else if (Directory.Exists(folder.Path) && Directory.EnumerateFileSystemEntries(folder.Path).Any())
        {
            throw new SweepFolderException(path, $"is a non-empty folder without {SweepFileName} (not a sweep folder); choose another folder");
        }
        foreach (string sub in new[] { "points", "status", "logs" }) Directory.CreateDirectory(System.IO.Path.Combine(folder.Path, sub));
        AtomicFile.WriteAllText(System.IO.Path.Combine(folder.Path, SweepFileName),
            RunJson.Serialize(new SweepRecord(sweep.Name, sweep.CommandText, ScoreScopeVersion(), points.Select(SweepRecordPoint.Of).ToArray())));
        return folder;
    }

    /// <summary>Opens the existing sweep folder <paramref name="path"/> (for collect, tasks).</summary>
    /// <exception cref="SweepFolderException">When it is missing or holds no sweep.json.</exception>
    public static SweepFolder OpenExisting(string path)
    {
        var folder = Open(path, mustExist: true);
        if (folder.ReadRecord() is null) throw new SweepFolderException(path, $"holds no {SweepFileName}; expected the --out folder of 'scorescope sweep run'");
        return folder;
    }

    static SweepFolder Open(string path, bool mustExist)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new SweepFolderException(path, "is not a folder path (empty)");
        if (File.Exists(path)) throw new SweepFolderException(path, "is an existing file; expected a folder");
        if (mustExist && !Directory.Exists(path)) throw new SweepFolderException(path, "does not exist");
        return new SweepFolder(path);
    }

    /// <summary>The sweep.json record, or null when there is none yet.</summary>
    public SweepRecord? ReadRecord()
    {
        string file = System.IO.Path.Combine(Path, SweepFileName);
        if (!File.Exists(file)) return null;
        try
        {
            return JsonSerializer.Deserialize<SweepRecord>(File.ReadAllText(file), RunJson.Options);
        }
        catch (JsonException e)
        {
            throw new SweepFolderException(Path, $"has a corrupted {SweepFileName} ({e.Message})");
        }
    }

    /// <summary>The recorded status of point <paramref name="id"/>, or null when it has none.</summary>
    public SweepPointStatus? ReadStatus(string id)
    {
        string file = StatusFile(id);
        if (!File.Exists(file)) return null;
        try
        {
            return JsonSerializer.Deserialize<SweepPointStatus>(File.ReadAllText(file), StatusOptions);
        }
        catch (JsonException)
        {
            return null; // a torn record cannot exist (written atomically); an edited one counts as no record
        }
    }

    /// <summary>Records <paramref name="status"/> (atomically).</summary>
    public void WriteStatus(SweepPointStatus status) =>
        AtomicFile.WriteAllText(StatusFile(status.Id), JsonSerializer.Serialize(status, StatusOptions) + "\n");

    /// <summary>
    /// The state of point <paramref name="id"/>: done only when its status says so and its run folder is complete (a
    /// folder that exists is complete: run folders are renamed into place only when complete).
    /// </summary>
    public SweepPointState StateOf(string id)
    {
        var status = ReadStatus(id);
        bool complete = Directory.Exists(PointFolder(id)) && File.Exists(System.IO.Path.Combine(PointFolder(id), RunFolder.MarkerFile));
        return status?.State switch
        {
            SweepPointState.Done when complete => SweepPointState.Done,
            SweepPointState.Failed => SweepPointState.Failed,
            _ => SweepPointState.Missing,
        };
    }

    /// <summary>
    /// The points to run: missing ones, failures that were interrupted (signal, cancellation, lost task), and with
    /// <paramref name="retryFailed"/> every failure.
    /// </summary>
    public IReadOnlyList<SweepPoint> Pending(IReadOnlyList<SweepPoint> points, bool retryFailed) =>
        points.Where(p => StateOf(p.Id) switch
        {
            SweepPointState.Done => false,
            SweepPointState.Failed => retryFailed || ReadStatus(p.Id)!.Interrupted,
            _ => true,
        }).ToArray();

    /// <summary>True when point <paramref name="id"/> has a run folder or a partial folder that a rerun must replace.</summary>
    public bool NeedsForce(string id) =>
        Directory.Exists(PointFolder(id)) || Directory.Exists(RunFolder.PartialPathOf(PointFolder(id)));

    static readonly JsonSerializerOptions StatusOptions = new(RunJson.Options)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    static string ScoreScopeVersion() =>
        typeof(SweepFolder).Assembly.GetName().Version?.ToString() ?? "unknown";
}
