using System.Text;
using ScoreScope.IO;
using static TorchSharp.torch;

namespace ScoreScope.Tests.IO;

/// <summary>
/// Mutation fuzzing of the NPY and CSV readers (issue 12, deliverable 6): 10 000 seeded cases each, mutating valid files
/// (flipped and replaced bytes, truncation, inserted bytes, header edits such as huge or negative shapes, other dtypes and
/// orders). Every case must either load a tensor whose size matches its shape or throw one of the documented typed
/// exceptions (<see cref="NpyFormatException"/>, <see cref="DataFileException"/>) — never another exception type (index,
/// overflow, out-of-memory, null reference) and never hang.
/// </summary>
public sealed class DataFileFuzzTests : IDisposable
{
    /// <summary>
    /// 10 000 cases in the suite; the longer target sets <c>SCORESCOPE_FUZZ_CASES</c> (e.g. 200000) and runs
    /// <c>dotnet test --filter FullyQualifiedName~Fuzz</c> (the seed stays fixed, so a longer run extends the same sequence).
    /// </summary>
    static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("SCORESCOPE_FUZZ_CASES"), out int cases) && cases > 0 ? cases : 10_000;
    readonly string _folder = Directory.CreateTempSubdirectory("scorescope-fuzz-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    static readonly string[] HeaderEdits =
    [
        "'shape': (99999999999, 2)", "'shape': (-1, 2)", "'shape': (3, 99999999999999999999)", "'shape': ()", "'shape': (0, 2)",
        "'descr': '<f2'", "'descr': '>f8'", "'descr': '|O'", "'descr': '<c16'", "'fortran_order': True", "'shape': (2,", "{", "}",
        "'descr': '<i8'", "'descr': '|u1'", "'shape': (4611686018427387904, 4)", "'shape': (2, 2, 2, 2, 2, 2, 2, 2, 2)",
    ];

    [Fact]
    public void Mutated_npy_files_load_or_throw_a_typed_exception()
    {
        var random = new Random(4242);
        using var scope = NewDisposeScope();
        string validPath = Path.Combine(_folder, "valid.npy");
        var seeds = new List<byte[]>();
        foreach (var tensor in new[] { randn(7, 3, dtype: ScalarType.Float64), randn(5, 2, dtype: ScalarType.Float32), randn(4, 2, 2, dtype: ScalarType.Float64) })
        {
            NpyFile.Write(validPath, tensor);
            seeds.Add(File.ReadAllBytes(validPath));
        }
        var unexpected = new List<string>();
        int loaded = 0, rejected = 0;
        for (int i = 0; i < Cases && unexpected.Count < 5; i++)
        {
            byte[] bytes = Mutate(seeds[random.Next(seeds.Count)], random);
            string path = Path.Combine(_folder, "case.npy");
            File.WriteAllBytes(path, bytes);
            try
            {
                using var points = DataFile.LoadPoints(path);
                Assert.Equal(points.numel(), points.shape.Aggregate(1L, (p, s) => p * s));
                loaded++;
            }
            catch (Exception e) when (e is NpyFormatException or DataFileException)
            {
                Assert.DoesNotContain('\u001b', e.Message);
                rejected++;
            }
            catch (Exception e)
            {
                unexpected.Add($"case {i}: {e.GetType().Name}: {e.Message}");
            }
        }
        Assert.True(unexpected.Count == 0, $"unexpected exceptions (seed 4242):\n{string.Join("\n", unexpected)}");
        Assert.Equal(Cases, loaded + rejected);
        Assert.True(rejected > Cases / 2, $"only {rejected} of {Cases} mutations were rejected; the mutator is too gentle");
    }

    [Fact]
    public void Mutated_csv_files_load_or_throw_a_typed_exception()
    {
        var random = new Random(4343);
        string[] seeds =
        [
            "x,y\n1.5,2\n-3,4e-2\n0.25,7\n",
            "1,2,3\n4,5,6\n",
            "0.1\n0.2\n0.3\n",
        ];
        var unexpected = new List<string>();
        int loaded = 0, rejected = 0;
        for (int i = 0; i < Cases && unexpected.Count < 5; i++)
        {
            byte[] bytes = Mutate(Encoding.UTF8.GetBytes(seeds[random.Next(seeds.Length)]), random, csv: true);
            string path = Path.Combine(_folder, "case.csv");
            File.WriteAllBytes(path, bytes);
            try
            {
                using var points = DataFile.LoadPoints(path);
                Assert.True(points.dim() == 2 && points.shape[0] >= 1, "a loaded CSV must be [N ≥ 1, d]");
                Assert.True(points.isfinite().all().item<bool>(), "a loaded CSV must be finite");
                loaded++;
            }
            catch (Exception e) when (e is DataFileException)
            {
                Assert.DoesNotContain('\u001b', e.Message);
                rejected++;
            }
            catch (Exception e)
            {
                unexpected.Add($"case {i}: {e.GetType().Name}: {e.Message}");
            }
        }
        Assert.True(unexpected.Count == 0, $"unexpected exceptions (seed 4343):\n{string.Join("\n", unexpected)}");
        Assert.Equal(Cases, loaded + rejected);
        Assert.True(loaded > 0 && rejected > 0, $"loaded {loaded}, rejected {rejected}");
    }

    static byte[] Mutate(byte[] original, Random random, bool csv = false)
    {
        var bytes = new List<byte>(original);
        int mutations = 1 + random.Next(4);
        for (int m = 0; m < mutations && bytes.Count > 0; m++)
        {
            switch (random.Next(csv ? 5 : 6))
            {
                case 0: // flip a bit
                    int at = random.Next(bytes.Count);
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1: // truncate
                    int cut = random.Next(bytes.Count);
                    bytes.RemoveRange(cut, bytes.Count - cut);
                    break;
                case 2: // insert random bytes (control characters, non-ASCII, digits)
                    int insertAt = random.Next(bytes.Count + 1);
                    var insert = Enumerable.Range(0, 1 + random.Next(6)).Select(_ => (byte)random.Next(256)).ToArray();
                    bytes.InsertRange(insertAt, insert);
                    break;
                case 3: // replace a byte with a special one
                    byte[] special = csv ? "\n,\r\"e-.+ \u001b0"u8.ToArray() : [0, 0xFF, (byte)'{', (byte)'}', (byte)'(', (byte)')', (byte)',', (byte)'\'', 0x1B];
                    bytes[random.Next(bytes.Count)] = special[random.Next(special.Length)];
                    break;
                case 4: // duplicate a slice
                    int from = random.Next(bytes.Count), length = Math.Min(bytes.Count - from, 1 + random.Next(16));
                    bytes.InsertRange(random.Next(bytes.Count + 1), bytes.GetRange(from, length));
                    break;
                default: // NPY header edit
                    string text = Encoding.Latin1.GetString(bytes.ToArray());
                    string edit = HeaderEdits[random.Next(HeaderEdits.Length)];
                    string key = edit.StartsWith("'shape'", StringComparison.Ordinal) ? "'shape'" : edit.StartsWith("'descr'", StringComparison.Ordinal) ? "'descr'" : "'fortran_order'";
                    int start = text.IndexOf(key, StringComparison.Ordinal);
                    if (start < 0 || start + key.Length + 3 >= text.Length) break;
                    int end = text.IndexOfAny([',', '}'], start + key.Length + 3);
                    if (key == "'shape'") end = text.IndexOf(')', start) + 1;
                    if (end <= start) break;
                    text = text[..start] + edit + text[end..];
                    bytes = [.. Encoding.Latin1.GetBytes(text)];
                    break;
            }
        }
        return [.. bytes];
    }
}
