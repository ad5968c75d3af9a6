using ScoreScope.Cli.Errors;
using ScoreScope.Data;
using ScoreScope.IO;
using static TorchSharp.torch;

namespace ScoreScope.Cli.Tables;

/// <summary>
/// The values of <c>--data</c>: a built-in name (<see cref="BuiltInDatasets"/>) or a path to a .npy/.csv file of
/// shape n × d, used as an empirical (finite point set) distribution whose exact score is the optimal denoiser's.
/// </summary>
public static class DatasetTable
{
    /// <summary>The built-in dataset names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["gmm8", "gaussian10", "mnist"];

    /// <summary>File extensions accepted as data files.</summary>
    public static IReadOnlyList<string> FileExtensions { get; } = [".npy", ".csv"];

    /// <summary>Whether <paramref name="value"/> names a built-in dataset (and not a file).</summary>
    public static bool IsBuiltIn(string value) => Names.Contains(value);

    /// <summary>Checks that <paramref name="value"/> is a built-in name or an existing .npy/.csv file.</summary>
    /// <exception cref="UsageException">Otherwise, naming <paramref name="option"/>.</exception>
    public static void Validate(string value, string option)
    {
        if (IsBuiltIn(value))
        {
            return;
        }
        string expected = $"expected {string.Join(", ", Names)} or a path to an existing .npy or .csv file (n × d)";
        string extension = Path.GetExtension(value).ToLowerInvariant();
        if (!FileExtensions.Contains(extension))
        {
            throw new UsageException(File.Exists(value)
                ? $"{option}: '{value}' has extension '{extension}'; {expected}"
                : $"{option}: unknown dataset '{value}'; {expected}");
        }
        if (!File.Exists(value))
        {
            throw new UsageException($"{option}: file '{value}' not found; {expected}");
        }
    }

    /// <summary>A built-in name unchanged, a file path made absolute (what <c>config.json</c> records).</summary>
    public static string Canonical(string value) => IsBuiltIn(value) ? value : Path.GetFullPath(value);

    /// <summary>
    /// The distribution for <paramref name="value"/>. For a file, the absolute path is what <c>config.json</c> records.
    /// </summary>
    /// <exception cref="UsageException">When a data file cannot be read or has the wrong shape or dtype.</exception>
    public static ExactDistribution Create(string value, string option) => value switch
    {
        "gmm8" => BuiltInDatasets.Gmm8(),
        "gaussian10" => BuiltInDatasets.Gaussian10(),
        "mnist" => BuiltInDatasets.Mnist(),
        _ => LoadFile(value, option),
    };

    static ExactDistribution LoadFile(string path, string option)
    {
        try
        {
            CheckDatasetMemory(path, option);
            // float64 score evaluation: the file's points are the exact oracle, not a network.
            return DataFile.LoadEmpirical(path, ScalarType.Float64);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // DataFileException and NpyFormatException (both IOExceptions) name the file, row and column themselves.
            throw new UsageException(
                $"{option}: {ErrorText.OneLine(e)} (expected an n × d .npy of float32/float64 or a numeric .csv, one point per line)", e);
        }
    }

    /// <summary>
    /// Refuses (exit 2) a data file whose points would not fit in memory, before reading it: an .npy's value count from its
    /// header, a .csv's from its size (at most one value per two bytes).
    /// </summary>
    static void CheckDatasetMemory(string path, string option)
    {
        if (!File.Exists(path)) return;
        long length = new FileInfo(path).Length;
        bool npy = Path.GetExtension(path).Equals(".npy", StringComparison.OrdinalIgnoreCase);
        double values;
        try
        {
            values = npy ? NpyFile.ReadHeader(path).Shape.Aggregate(1.0, (p, s) => p * s) : length / 2.0;
        }
        catch (Exception e) when (e is IOException)
        {
            return; // a corrupt header is reported by the loader, with its details
        }
        if (npy && values * 4 > length) return; // the file is shorter than its header says: the loader reports it truncated
        try
        {
            ScoreScope.Runs.MemoryEstimate.Check(ScoreScope.Runs.MemoryEstimate.DatasetBytes(values),
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the data file '{path}' ({values:G3} values as {ScoreScope.Runs.MemoryEstimate.DatasetCopies} float64 copies)"));
        }
        catch (InsufficientMemoryException e)
        {
            throw new UsageException($"{option}: {e.Message}; use a smaller data file");
        }
    }
}
