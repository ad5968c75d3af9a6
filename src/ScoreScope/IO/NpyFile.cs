using System.Runtime.InteropServices;
using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.IO;

/// <summary>
/// Reads and writes numpy <c>.npy</c> files (NEP 1; format versions 1.0 and 2.0, reading also 3.0): little-endian
/// float32/float64 (and, for reading, int32/int64 converted to float64), C order, any rank. Writes are atomic: the
/// file appears complete under its name or not at all. Written files are byte-identical to numpy's <c>np.save</c>.
/// </summary>
public static class NpyFile
{
    /// <summary>Reads only the header of <paramref name="path"/>.</summary>
    /// <exception cref="NpyFormatException">When the header is corrupt or describes an unsupported array.</exception>
    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    public static NpyHeader ReadHeader(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        return NpyHeaderParser.Read(stream, path);
    }

    /// <summary>
    /// Reads <paramref name="path"/> into a CPU tensor of the file's shape: float32 for <c>'&lt;f4'</c>, float64 for
    /// <c>'&lt;f8'</c>, <c>'&lt;i4'</c> and <c>'&lt;i8'</c> (integers converted exactly up to 2⁵³).
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="expectedRank">When given, the rank the array must have.</param>
    /// <exception cref="NpyFormatException">For a corrupt header, an unsupported dtype or order, truncated data, or a
    /// rank other than <paramref name="expectedRank"/>.</exception>
    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    public static Tensor Read(string path, int? expectedRank = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.OpenRead(path);
        var header = NpyHeaderParser.Read(stream, path);
        if (expectedRank is { } rank && header.Shape.Length != rank)
        {
            throw NpyHeaderParser.Error(path,
                $"holds an array of rank {header.Shape.Length} (shape {NpyHeader.FormatShape(header.Shape)}); a rank-{rank} array is required");
        }
        long needed;
        try
        {
            needed = checked(header.ElementCount * header.ItemSize);
        }
        catch (OverflowException)
        {
            throw NpyHeaderParser.Error(path,
                $"declares shape {NpyHeader.FormatShape(header.Shape)}, whose {header.ItemSize}-byte elements exceed 2⁶³ bytes; the header is corrupt");
        }
        long available = stream.Length - header.DataOffset;
        if (available < needed)
        {
            throw NpyHeaderParser.Error(path,
                $"is truncated: shape {NpyHeader.FormatShape(header.Shape)} of '{header.Descriptor}' needs {needed} data bytes after the {header.DataOffset}-byte header, but only {available} remain");
        }
        if (needed > Array.MaxLength)
            throw NpyHeaderParser.Error(path, $"holds {needed} bytes of data; at most {Array.MaxLength} can be read at once");
        var bytes = new byte[needed];
        stream.ReadExactly(bytes);
        return header.DataType switch
        {
            NpyDataType.Float32 => tensor(MemoryMarshal.Cast<byte, float>(bytes).ToArray(), header.Shape, ScalarType.Float32),
            NpyDataType.Float64 => tensor(MemoryMarshal.Cast<byte, double>(bytes).ToArray(), header.Shape, ScalarType.Float64),
            NpyDataType.Int32 => tensor(Convert(MemoryMarshal.Cast<byte, int>(bytes)), header.Shape, ScalarType.Float64),
            NpyDataType.UInt8 => tensor(Array.ConvertAll(bytes, b => (double)b), header.Shape, ScalarType.Float64),
            _ => tensor(Convert(MemoryMarshal.Cast<byte, long>(bytes)), header.Shape, ScalarType.Float64),
        };
    }

    static double[] Convert(ReadOnlySpan<int> values)
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++) result[i] = values[i];
        return result;
    }

    static double[] Convert(ReadOnlySpan<long> values)
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++) result[i] = values[i];
        return result;
    }

    /// <summary>Writes a float32 or float64 tensor (any rank, any device, any strides) to <paramref name="path"/> atomically.</summary>
    /// <exception cref="ArgumentException">When the tensor is neither float32 nor float64.</exception>
    public static void Write(string path, Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(tensor);
        var dataType = tensor.dtype switch
        {
            ScalarType.Float32 => NpyDataType.Float32,
            ScalarType.Float64 => NpyDataType.Float64,
            _ => throw new ArgumentException($"only float32 and float64 tensors can be written to .npy; got {Shapes.Format(tensor)}.", nameof(tensor)),
        };
        using var scope = NewDisposeScope();
        var contiguous = tensor.detach().cpu().contiguous();
        WriteBytes(path, dataType, tensor.shape, contiguous.bytes);
    }

    /// <summary>Writes row-major float64 <paramref name="data"/> of the given <paramref name="shape"/> to <paramref name="path"/> atomically.</summary>
    /// <exception cref="ArgumentException">When the data length differs from the product of the shape or a size is negative.</exception>
    public static void Write(string path, ReadOnlySpan<double> data, ReadOnlySpan<long> shape) =>
        WriteBytes(path, NpyDataType.Float64, CheckShape(data.Length, shape), MemoryMarshal.AsBytes(data));

    /// <summary>Writes row-major float32 <paramref name="data"/> of the given <paramref name="shape"/> to <paramref name="path"/> atomically.</summary>
    /// <exception cref="ArgumentException">When the data length differs from the product of the shape or a size is negative.</exception>
    public static void Write(string path, ReadOnlySpan<float> data, ReadOnlySpan<long> shape) =>
        WriteBytes(path, NpyDataType.Float32, CheckShape(data.Length, shape), MemoryMarshal.AsBytes(data));

    static long[] CheckShape(int length, ReadOnlySpan<long> shape)
    {
        long product = 1;
        foreach (long size in shape)
        {
            if (size < 0) throw new ArgumentException($"shape sizes must be ≥ 0; got {Shapes.Format(shape)}.", nameof(shape));
            product *= size;
        }
        if (product != length)
            throw new ArgumentException($"shape {Shapes.Format(shape)} holds {product} elements but the data has {length}.", nameof(shape));
        return shape.ToArray();
    }

    static void WriteBytes(string path, NpyDataType dataType, long[] shape, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException(".npy writing assumes a little-endian host.");
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(NpyHeaderParser.Encode(dataType, shape));
                stream.Write(data);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
