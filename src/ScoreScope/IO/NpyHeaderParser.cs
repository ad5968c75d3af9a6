using System.Globalization;
using System.Text;

namespace ScoreScope.IO;

/// <summary>
/// Reads and writes the <c>.npy</c> preamble: the magic string <c>\x93NUMPY</c>, the version, the header length and
/// the header, a Python dict literal <c>{'descr': '&lt;f8', 'fortran_order': False, 'shape': (3, 4), }</c>.
/// Writing reproduces numpy ≥ 1.23 byte for byte (64-byte alignment, room for the first axis to grow to 21 digits).
/// </summary>
internal static class NpyHeaderParser
{
    static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];
    const int Alignment = 64;
    const int GrowthAxisMaxDigits = 21;
    const int MaximumHeaderLength = 1 << 24;

    internal static NpyHeader Read(Stream stream, string path)
    {
        Span<byte> preamble = stackalloc byte[8];
        if (stream.ReadAtLeast(preamble, 8, throwOnEndOfStream: false) < 8 || !preamble[..6].SequenceEqual(Magic))
            throw Error(path, $"does not start with the .npy magic string \\x93NUMPY (first bytes: {Convert.ToHexString(preamble)}); it is not a .npy file");
        int major = preamble[6], minor = preamble[7];
        if (major is < 1 or > 3 || minor != 0)
            throw Error(path, $"has .npy format version {major}.{minor}; supported versions are 1.0, 2.0 and 3.0");
        int lengthBytes = major == 1 ? 2 : 4;
        Span<byte> lengthField = stackalloc byte[4];
        if (stream.ReadAtLeast(lengthField[..lengthBytes], lengthBytes, throwOnEndOfStream: false) < lengthBytes)
            throw Error(path, "ends inside the header-length field");
        long headerLength = major == 1 ? BitConverter.ToUInt16(lengthField[..2]) : BitConverter.ToUInt32(lengthField);
        if (headerLength > MaximumHeaderLength)
            throw Error(path, $"declares a header of {headerLength} bytes; at most {MaximumHeaderLength} are accepted");
        var headerBytes = new byte[headerLength];
        if (stream.ReadAtLeast(headerBytes, headerBytes.Length, throwOnEndOfStream: false) < headerBytes.Length)
            throw Error(path, $"ends inside its {headerLength}-byte header");
        var text = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(headerBytes);
        var (descriptor, fortranOrder, shape) = ParseDictionary(text, path);
        var dataType = descriptor switch
        {
            "<f4" => NpyDataType.Float32,
            "<f8" => NpyDataType.Float64,
            "<i4" => NpyDataType.Int32,
            "<i8" => NpyDataType.Int64,
            "|u1" or "<u1" => NpyDataType.UInt8,
            _ when descriptor.StartsWith('>') => throw Error(path,
                $"has big-endian dtype '{descriptor}'; only little-endian '<f4', '<f8', '<i4', '<i8' are supported (convert with a.astype(a.dtype.newbyteorder('<')))"),
            _ => throw Error(path, $"has dtype '{descriptor}'; supported dtypes are '<f4', '<f8', '<i4', '<i8' and '|u1'"),
        };
        if (fortranOrder)
            throw Error(path, $"is stored in Fortran (column-major) order (fortran_order: True, shape {NpyHeader.FormatShape(shape)}); only C order is supported (save np.ascontiguousarray(a))");
        return new NpyHeader(major, minor, dataType, fortranOrder, shape, 6 + 2 + lengthBytes + headerLength);
    }

    internal static byte[] Encode(NpyDataType dataType, IReadOnlyList<long> shape)
    {
        var dictionary = $"{{'descr': '{NpyHeader.DescriptorOf(dataType)}', 'fortran_order': False, 'shape': {NpyHeader.FormatShape(shape)}, }}";
        if (shape.Count > 0) dictionary += new string(' ', Math.Max(0, GrowthAxisMaxDigits - shape[0].ToString(CultureInfo.InvariantCulture).Length));
        int major = 1;
        int padding = Alignment - (6 + 2 + 2 + dictionary.Length + 1) % Alignment;
        if (dictionary.Length + padding + 1 > ushort.MaxValue)
        {
            major = 2;
            padding = Alignment - (6 + 2 + 4 + dictionary.Length + 1) % Alignment;
        }
        var header = Encoding.Latin1.GetBytes(dictionary + new string(' ', padding) + "\n");
        using var buffer = new MemoryStream();
        buffer.Write(Magic);
        buffer.WriteByte((byte)major);
        buffer.WriteByte(0);
        if (major == 1) buffer.Write(BitConverter.GetBytes((ushort)header.Length));
        else buffer.Write(BitConverter.GetBytes((uint)header.Length));
        buffer.Write(header);
        return buffer.ToArray();
    }

    static (string Descriptor, bool FortranOrder, long[] Shape) ParseDictionary(string text, string path)
    {
        var reader = new LiteralReader(text, path);
        string? descriptor = null;
        bool? fortranOrder = null;
        long[]? shape = null;
        reader.Expect('{');
        while (!reader.TryConsume('}'))
        {
            string key = reader.ReadString();
            reader.Expect(':');
            switch (key)
            {
                case "descr": descriptor = reader.ReadDescriptor(); break;
                case "fortran_order": fortranOrder = reader.ReadBoolean(); break;
                case "shape": shape = reader.ReadShape(); break;
                default: throw Error(path, $"has an unexpected header key '{key}'; the keys are 'descr', 'fortran_order' and 'shape'");
            }
            if (!reader.TryConsume(',')) { reader.Expect('}'); break; }
        }
        if (descriptor is null || fortranOrder is null || shape is null)
            throw Error(path, $"has a header without one of the keys 'descr', 'fortran_order', 'shape': {text.Trim()}");
        return (descriptor, fortranOrder.Value, shape);
    }

    internal static NpyFormatException Error(string path, string what) => new(path, $"'{path}' {what}.");
}
