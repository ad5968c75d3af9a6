namespace ScoreScope.IO;

/// <summary>
/// The header of a <c>.npy</c> file (NEP 1, "A simple file format for NumPy arrays"): format version, element type,
/// memory order, shape, and the byte offset at which the data begins.
/// </summary>
/// <param name="MajorVersion">Format major version: 1 (16-bit header length), 2 (32-bit) or 3 (32-bit, UTF-8 header).</param>
/// <param name="MinorVersion">Format minor version (0).</param>
/// <param name="DataType">The element type.</param>
/// <param name="FortranOrder">True when the data is stored in column-major (Fortran) order.</param>
/// <param name="Shape">The array shape; empty for a 0-d array (one element).</param>
/// <param name="DataOffset">Bytes before the first element (magic, version, length field and padded header).</param>
public sealed record NpyHeader(int MajorVersion, int MinorVersion, NpyDataType DataType, bool FortranOrder, long[] Shape, long DataOffset)
{
    /// <summary>The number of elements, the product of <see cref="Shape"/> (1 for a 0-d array).</summary>
    public long ElementCount => Shape.Aggregate(1L, (product, size) => checked(product * size));

    /// <summary>Bytes per element (4 or 8).</summary>
    public int ItemSize => ItemSizeOf(DataType);

    /// <summary>The numpy dtype string, e.g. <c>&lt;f8</c>.</summary>
    public string Descriptor => DescriptorOf(DataType);

    /// <summary>The numpy dtype string of <paramref name="dataType"/>, e.g. <c>&lt;f4</c>.</summary>
    public static string DescriptorOf(NpyDataType dataType) => dataType switch
    {
        NpyDataType.Float32 => "<f4",
        NpyDataType.Float64 => "<f8",
        NpyDataType.Int32 => "<i4",
        NpyDataType.Int64 => "<i8",
        NpyDataType.UInt8 => "|u1",
        _ => throw new ArgumentOutOfRangeException(nameof(dataType), dataType, "not a supported .npy element type."),
    };

    /// <summary>Bytes per element of <paramref name="dataType"/>.</summary>
    public static int ItemSizeOf(NpyDataType dataType) =>
        dataType switch { NpyDataType.UInt8 => 1, NpyDataType.Float32 or NpyDataType.Int32 => 4, _ => 8 };

    /// <summary>The shape as numpy prints it, e.g. <c>(3, 4)</c>, <c>(3,)</c> or <c>()</c>.</summary>
    public static string FormatShape(IReadOnlyList<long> shape) =>
        shape.Count == 1 ? $"({shape[0]},)" : "(" + string.Join(", ", shape) + ")";
}
