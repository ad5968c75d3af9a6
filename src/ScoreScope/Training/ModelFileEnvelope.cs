using System.Security.Cryptography;
using System.Text;

namespace ScoreScope.Training;

/// <summary>
/// The verified envelope of model and checkpoint files (format version 2): the magic string, the version, the payload
/// length (int64), the payload's SHA-256, the SHA-256 of those header bytes, then the payload. Reading checks the
/// header hash (a corrupted header), the length (truncation) and the payload hash (corruption) before anything is
/// parsed. Version-1 files (no checksum) are read unverified and reported through a callback.
/// </summary>
static class ModelFileEnvelope
{
    public const string Magic = "ScoreScope.ScoreModel";
    public const int Version = 2;
    const int LegacyVersion = 1;

    static readonly byte[] MagicBytes = MagicPrefix();
    static readonly int HeaderLength = MagicBytes.Length + sizeof(int) + sizeof(long) + 2 * SHA256.HashSizeInBytes;

    /// <summary>Writes the envelope of <paramref name="payload"/>.</summary>
    public static void Write(Stream stream, ReadOnlySpan<byte> payload)
    {
        var header = new byte[HeaderLength];
        MagicBytes.CopyTo(header, 0);
        int at = MagicBytes.Length;
        BitConverter.TryWriteBytes(header.AsSpan(at), Version);
        BitConverter.TryWriteBytes(header.AsSpan(at + sizeof(int)), (long)payload.Length);
        SHA256.HashData(payload, header.AsSpan(at + sizeof(int) + sizeof(long)));
        SHA256.HashData(header.AsSpan(0, HeaderLength - SHA256.HashSizeInBytes), header.AsSpan(HeaderLength - SHA256.HashSizeInBytes));
        stream.Write(header);
        stream.Write(payload);
    }

    /// <summary>Reads and verifies <paramref name="path"/>; returns its payload.</summary>
    /// <exception cref="FileNotFoundException">When the file does not exist.</exception>
    /// <exception cref="ModelFileException">When it is truncated, corrupted, not a model file or of an unknown version.</exception>
    public static byte[] Read(string path, Action<string>? onUnverified)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Model file '{path}' does not exist.", path);
        var bytes = File.ReadAllBytes(path);
        int magicLength = MagicBytes.Length;
        int differing = 0;
        for (int i = 0; i < Math.Min(magicLength, bytes.Length); i++) differing += bytes[i] != MagicBytes[i] ? 1 : 0;
        if (bytes.Length == 0)
            throw new ModelFileException(path, ModelFileProblem.Truncated, "is truncated (0 bytes)");
        if (differing > 3)
            throw new ModelFileException(path, ModelFileProblem.NotAModelFile, "is not a ScoreScope model file (it does not start with the model header)");
        if (bytes.Length < magicLength + sizeof(int))
            throw differing == 0
                ? new ModelFileException(path, ModelFileProblem.Truncated, $"is truncated ({bytes.Length} bytes end inside the header)")
                : Corrupted(path);
        int version = BitConverter.ToInt32(bytes, magicLength);
        if (version == LegacyVersion && differing == 0)
        {
            onUnverified?.Invoke($"'{path}' has no checksum (model format version 1, written by an older ScoreScope); loaded without verification");
            return bytes[(magicLength + sizeof(int))..];
        }
        if (bytes.Length < HeaderLength)
            throw differing == 0
                ? new ModelFileException(path, ModelFileProblem.Truncated, $"is truncated ({bytes.Length} bytes end inside the {HeaderLength}-byte header)")
                : Corrupted(path);
        var headerHash = SHA256.HashData(bytes.AsSpan(0, HeaderLength - SHA256.HashSizeInBytes));
        if (differing > 0 || !headerHash.AsSpan().SequenceEqual(bytes.AsSpan(HeaderLength - SHA256.HashSizeInBytes, SHA256.HashSizeInBytes)))
            throw Corrupted(path);
        if (version != Version)
            throw new ModelFileException(path, ModelFileProblem.UnsupportedVersion,
                $"has model format version {version}; this ScoreScope reads versions {LegacyVersion} and {Version}");
        long length = BitConverter.ToInt64(bytes, magicLength + sizeof(int));
        long actual = bytes.LongLength - HeaderLength;
        if (actual < length)
            throw new ModelFileException(path, ModelFileProblem.Truncated, $"is truncated ({bytes.LongLength} of {length + HeaderLength} bytes)");
        if (actual > length)
            throw new ModelFileException(path, ModelFileProblem.Corrupted, $"is corrupted ({actual - length} bytes after the end of its payload)");
        var payload = bytes[HeaderLength..];
        if (!SHA256.HashData(payload).AsSpan().SequenceEqual(bytes.AsSpan(magicLength + sizeof(int) + sizeof(long), SHA256.HashSizeInBytes)))
            throw Corrupted(path);
        return payload;
    }

    static ModelFileException Corrupted(string path) => new(path, ModelFileProblem.Corrupted, "is corrupted (checksum mismatch)");

    /// <summary>The magic as <see cref="BinaryWriter.Write(string)"/> writes it (length prefix, UTF-8), as in version 1.</summary>
    static byte[] MagicPrefix()
    {
        using var memory = new MemoryStream();
        using (var writer = new BinaryWriter(memory, Encoding.UTF8, leaveOpen: true)) writer.Write(Magic);
        return memory.ToArray();
    }
}
