using ScoreScope.Data;
using static TorchSharp.torch;

namespace ScoreScope.IO;

/// <summary>
/// Loads a user's point set from a <c>.npy</c> file (any numeric dtype <see cref="NpyFile"/> reads; an array
/// [N, …] is N points, each flattened; a 1-d array [N] is N points in one dimension) or a <c>.csv</c> file (one
/// comma-separated point per line, optional header row), as float64 [N, D] or as an <see cref="EmpiricalDistribution"/>.
/// </summary>
public static class DataFile
{
    /// <summary>The file extensions understood, lower case with the dot.</summary>
    public static IReadOnlyList<string> SupportedExtensions { get; } = [".npy", ".csv"];

    /// <summary>Loads the points of <paramref name="path"/> as a float64 CPU tensor [N, D] with N, D ≥ 1 and finite values.</summary>
    /// <exception cref="DataFileException">For an unsupported extension, unparsable, non-finite or ragged data, or no points.</exception>
    /// <exception cref="NpyFormatException">For a corrupt or unsupported <c>.npy</c> file.</exception>
    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    public static Tensor LoadPoints(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (!SupportedExtensions.Contains(extension))
        {
            throw new DataFileException(path,
                $"'{path}' has the extension '{extension}'; data files must be {string.Join(" or ", SupportedExtensions)}.");
        }
        if (!File.Exists(path)) throw new FileNotFoundException($"The data file '{path}' does not exist.", path);
        return extension == ".csv" ? LoadCsv(path) : LoadNpy(path);
    }

    /// <summary>Loads <paramref name="path"/> as the empirical distribution of its points.</summary>
    /// <param name="path">A <c>.npy</c> or <c>.csv</c> file.</param>
    /// <param name="computeType">Dtype for score evaluation (see <see cref="EmpiricalDistribution"/>); null for float64.</param>
    /// <exception cref="DataFileException">For an unsupported extension, unparsable, non-finite or ragged data, or no points.</exception>
    /// <exception cref="NpyFormatException">For a corrupt or unsupported <c>.npy</c> file.</exception>
    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    public static EmpiricalDistribution LoadEmpirical(string path, ScalarType? computeType = null)
    {
        using var points = LoadPoints(path);
        return new EmpiricalDistribution(points, computeType: computeType);
    }

    static Tensor LoadCsv(string path)
    {
        var (values, rows, columns) = CsvPoints.Parse(path);
        return tensor(values, [rows, columns], ScalarType.Float64);
    }

    static Tensor LoadNpy(string path)
    {
        using var scope = NewDisposeScope();
        var array = NpyFile.Read(path);
        if (array.dim() == 0 || array.shape[0] == 0 || array.numel() == 0)
        {
            throw new DataFileException(path,
                $"'{path}' holds an array of shape ({string.Join(", ", array.shape)}); a point set needs shape [N, …] with N ≥ 1 points of size ≥ 1.");
        }
        var points = array.to_type(ScalarType.Float64).reshape(array.shape[0], -1);
        var bad = isfinite(points).logical_not().nonzero();
        if (bad.shape[0] > 0)
        {
            long row = bad[0, 0].item<long>(), column = bad[0, 1].item<long>();
            throw new DataFileException(path,
                $"'{path}' row {row + 1}, column {column + 1} (flattened): {points[row, column].item<double>()} is not finite; data values must be finite numbers ({bad.shape[0]} such values in all).",
                row + 1, column + 1);
        }
        return points.MoveToOuterDisposeScope();
    }
}
