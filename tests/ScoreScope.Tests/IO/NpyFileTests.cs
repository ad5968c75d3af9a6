using ScoreScope.IO;
using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Tests.IO;

public sealed class NpyFileTests
{
    /// <summary>A fixture written by numpy 1.24.2 (see Fixtures/Npy/make_fixtures.py).</summary>
    static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Npy", name);

    static double[] Values(Tensor t) => t.to_type(ScalarType.Float64).flatten().data<double>().ToArray();

    [Fact]
    public void Reads_a_version_1_float32_file_written_by_numpy()
    {
        using var array = NpyFile.Read(Fixture("v1_f4_3x4.npy"));
        Assert.Equal(ScalarType.Float32, array.dtype);
        Assert.Equal([3L, 4L], array.shape);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => i * 0.5 - 1.25).ToArray(), Values(array));
    }

    [Fact]
    public void Reads_a_version_1_float64_rank_3_file_written_by_numpy()
    {
        using var array = NpyFile.Read(Fixture("v1_f8_2x3x4.npy"), expectedRank: 3);
        Assert.Equal(ScalarType.Float64, array.dtype);
        Assert.Equal([2L, 3L, 4L], array.shape);
        Assert.Equal(Enumerable.Range(0, 24).Select(i => i / 7.0 - 1.0).ToArray(), Values(array));
    }

    [Fact]
    public void Reads_version_2_and_3_headers()
    {
        var v2 = NpyFile.ReadHeader(Fixture("v2_f8_5x2.npy"));
        Assert.Equal(2, v2.MajorVersion);
        using var linspace = NpyFile.Read(Fixture("v2_f8_5x2.npy"));
        Assert.Equal([5L, 2L], linspace.shape);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => -2 + 5.0 * i / 9).ToArray(), Values(linspace), new ToleranceComparer(1e-15));
        using var v3 = NpyFile.Read(Fixture("v3_f4_4.npy"));
        Assert.Equal(3, NpyFile.ReadHeader(Fixture("v3_f4_4.npy")).MajorVersion);
        Assert.Equal(new[] { 1.5f, -2.25f, 3e-8f, 4e20f }, v3.data<float>().ToArray());
    }

    [Fact]
    public void Reads_integers_as_float64()
    {
        using var i4 = NpyFile.Read(Fixture("v1_i4_2x2.npy"));
        using var i8 = NpyFile.Read(Fixture("v1_i8_3.npy"));
        Assert.Equal(ScalarType.Float64, i4.dtype);
        Assert.Equal([1.0, -2, 3, 2147483647], Values(i4));
        Assert.Equal([-5.0, 0, 1099511627776], Values(i8));
    }

    [Fact]
    public void Reads_scalar_and_empty_arrays()
    {
        using var scalar = NpyFile.Read(Fixture("v1_f8_scalar.npy"));
        Assert.Equal(0, scalar.dim());
        Assert.Equal(2.5, scalar.item<double>());
        using var empty = NpyFile.Read(Fixture("v1_f8_empty_0x3.npy"));
        Assert.Equal([0L, 3L], empty.shape);
    }

    [Theory]
    [InlineData("v1_f4_3x4.npy")]
    [InlineData("v1_f8_2x3x4.npy")]
    [InlineData("v1_f8_scalar.npy")]
    [InlineData("v1_f8_empty_0x3.npy")]
    [InlineData("v3_f4_4.npy")]
    public void Writing_what_was_read_reproduces_numpys_bytes(string name)
    {
        // numpy would write the v3 fixture as v1 (its header is plain ASCII), so compare that one's data and shape only.
        using var directory = new TemporaryDirectory();
        using var array = NpyFile.Read(Fixture(name));
        var copy = directory.File(name);
        NpyFile.Write(copy, array);
        if (name.StartsWith("v3", StringComparison.Ordinal))
        {
            using var again = NpyFile.Read(copy);
            Assert.Equal(array.shape, again.shape);
            Assert.Equal(Values(array), Values(again));
            Assert.Equal(1, NpyFile.ReadHeader(copy).MajorVersion);
        }
        else
        {
            Assert.Equal(File.ReadAllBytes(Fixture(name)), File.ReadAllBytes(copy));
        }
    }

    [Fact]
    public void Round_trip_preserves_values_shape_and_dtype()
    {
        using var scope = NewDisposeScope();
        using var directory = new TemporaryDirectory();
        var generator = Seeds.Generator(11);
        foreach (var dtype in new[] { ScalarType.Float32, ScalarType.Float64 })
        {
            var original = randn([3, 1, 5, 2], dtype: dtype, generator: generator);
            var path = directory.File($"round-{dtype}.npy");
            NpyFile.Write(path, original.transpose(0, 2).contiguous().transpose(0, 2)); // non-contiguous input
            var back = NpyFile.Read(path, expectedRank: 4);
            Assert.Equal(dtype, back.dtype);
            Assert.Equal(original.shape, back.shape);
            Assert.True((back == original).all().item<bool>(), $"{dtype}: values changed in the round trip");
        }
        var spanPath = directory.File("span.npy");
        NpyFile.Write(spanPath, [1.0, 2.0, 3.0, 4.0, 5.0, 6.0], [2, 3]);
        Assert.Equal([1.0, 2, 3, 4, 5, 6], Values(NpyFile.Read(spanPath)));
        NpyFile.Write(spanPath, [1f, 2f], [2]);
        Assert.Equal(ScalarType.Float32, NpyFile.Read(spanPath).dtype);
    }

    [Fact]
    public void A_header_longer_than_64_KiB_is_encoded_as_version_2()
    {
        // numpy switches to format 2.0 when the header does not fit a 16-bit length. No array of rank ≤ 64 gets there,
        // so the encoder is checked directly with a 25 000-entry shape.
        var shape = Enumerable.Repeat(1L, 25_000).ToArray();
        var preamble = NpyHeaderParser.Encode(NpyDataType.Float64, shape);
        using var stream = new MemoryStream(preamble);
        var header = NpyHeaderParser.Read(stream, "in-memory");
        Assert.Equal(2, header.MajorVersion);
        Assert.Equal(preamble.Length, header.DataOffset);
        Assert.Equal(0, header.DataOffset % 64);
        Assert.Equal(shape, header.Shape);
    }

    [Fact]
    public void Writing_replaces_the_file_atomically_and_leaves_no_temporary_files()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("x.npy");
        NpyFile.Write(path, [1.0], [1]);
        NpyFile.Write(path, [2.0, 3.0], [2]);
        Assert.Equal([path], Directory.GetFiles(directory.Path));
        using var back = NpyFile.Read(path);
        Assert.Equal([2.0, 3.0], Values(back));
    }

    [Fact]
    public void Big_endian_data_is_rejected_with_the_dtype_and_the_valid_ones()
    {
        var path = Fixture("be_f8_3.npy");
        var error = Assert.Throws<NpyFormatException>(() => NpyFile.Read(path));
        Assert.Equal(path, error.FilePath);
        Assert.Contains(path, error.Message);
        Assert.Contains("'>f8'", error.Message);
        Assert.Contains("'<f8'", error.Message);
    }

    [Fact]
    public void Fortran_order_is_rejected()
    {
        var error = Assert.Throws<NpyFormatException>(() => NpyFile.Read(Fixture("fortran_f8_2x3.npy")));
        Assert.Contains("fortran_order: True", error.Message);
        Assert.Contains("C order", error.Message);
    }

    [Fact]
    public void A_wrong_rank_is_rejected_naming_both_ranks()
    {
        var error = Assert.Throws<NpyFormatException>(() => NpyFile.Read(Fixture("v1_f8_2x3x4.npy"), expectedRank: 2));
        Assert.Contains("rank 3", error.Message);
        Assert.Contains("(2, 3, 4)", error.Message);
        Assert.Contains("rank-2", error.Message);
    }

    [Fact]
    public void Truncated_data_is_rejected_with_the_byte_counts()
    {
        using var directory = new TemporaryDirectory();
        var bytes = File.ReadAllBytes(Fixture("v1_f4_3x4.npy"));
        var path = directory.File("truncated.npy");
        File.WriteAllBytes(path, bytes[..^5]);
        var error = Assert.Throws<NpyFormatException>(() => NpyFile.Read(path));
        Assert.Contains("truncated", error.Message);
        Assert.Contains("48", error.Message);
        Assert.Contains("43", error.Message);
    }

    [Theory]
    [InlineData("not numpy at all", "magic")]
    [InlineData("\u0093NUMPY\u0004\u0000", "version 4.0")]
    public void Corrupt_preambles_are_rejected(string content, string expected)
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("bad.npy");
        File.WriteAllBytes(path, System.Text.Encoding.Latin1.GetBytes(content));
        var error = Assert.Throws<NpyFormatException>(() => NpyFile.Read(path));
        Assert.Contains(expected, error.Message);
        Assert.Contains(path, error.Message);
    }

    [Theory]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (3, x), }", "integer dimension")]
    [InlineData("{'descr': '<f8', 'fortran_order': Maybe, 'shape': (3,), }", "True or False")]
    [InlineData("{'descr': '<f8', 'shape': (3,), }", "without one of the keys")]
    [InlineData("{'descr': '<c16', 'fortran_order': False, 'shape': (3,), }", "'<c16'")]
    [InlineData("{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (3,), }", "structured")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), 'extra': 1}", "'extra'")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (3,)", "expected '}'")]
    public void Corrupt_headers_are_rejected_naming_the_problem(string dictionary, string expected)
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("bad.npy");
        var header = System.Text.Encoding.Latin1.GetBytes(dictionary.PadRight(118) + "\n");
        var bytes = new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 }
            .Concat(BitConverter.GetBytes((ushort)header.Length)).Concat(header).Concat(new byte[24]).ToArray();
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<NpyFormatException>(() => NpyFile.Read(path));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Writing_an_unsupported_dtype_or_a_mismatched_shape_throws()
    {
        using var directory = new TemporaryDirectory();
        using var integers = ScalarArithmetic.Arange(0, 3, ScalarType.Int64);
        var dtype = Assert.Throws<ArgumentException>(() => NpyFile.Write(directory.File("i.npy"), integers));
        Assert.Contains("int64", dtype.Message);
        var shape = Assert.Throws<ArgumentException>(() => NpyFile.Write(directory.File("s.npy"), [1.0, 2.0, 3.0], [2, 2]));
        Assert.Contains("[2, 2]", shape.Message);
        Assert.Empty(Directory.GetFiles(directory.Path));
    }

    sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
