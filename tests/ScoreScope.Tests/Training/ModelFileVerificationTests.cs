using ScoreScope.Data;
using ScoreScope.Training;

namespace ScoreScope.Tests.Training;

/// <summary>
/// Model files carry a format version and SHA-256 checksums: every flipped byte and every truncation is refused with
/// "is corrupted (checksum mismatch)" / "is truncated"; version-1 files without checksum load with a warning.
/// </summary>
public sealed class ModelFileVerificationTests
{
    const int Seed = 20261203;

    static (string Path, byte[] Bytes) SavedModel()
    {
        using var gmm = GaussianMixtureDistribution.Ring();
        using var trainer = new Trainer(TrainingTestModels.TinyMlp(), TrainingTestModels.TinyOptions(2), new DistributionTrainingData(gmm));
        string path = Path.Combine(TrainingTestModels.TemporaryDirectory(), "model.ckpt");
        ScoreModelFile.Save(trainer.EmaModel, path);
        return (path, File.ReadAllBytes(path));
    }

    [Fact]
    public void Every_flipped_byte_at_20_seeded_offsets_is_reported_as_a_checksum_mismatch()
    {
        var (path, bytes) = SavedModel();
        var random = new Random(Seed);
        // The header (first 98 bytes) is always among the offsets tried: it has its own checksum.
        var offsets = new[] { 0, 5, 22, 27, 40, 90 }.Concat(Enumerable.Range(0, 14).Select(_ => random.Next(bytes.Length))).ToArray();
        Assert.Equal(20, offsets.Length);
        foreach (int offset in offsets)
        {
            var corrupted = (byte[])bytes.Clone();
            corrupted[offset] ^= (byte)(1 + random.Next(255));
            File.WriteAllBytes(path, corrupted);
            var error = Assert.Throws<ModelFileException>(() => ScoreModelFile.Load(path));
            Assert.True(error.Problem == ModelFileProblem.Corrupted, $"offset {offset}: {error.Message}");
            Assert.Equal($"'{path}' is corrupted (checksum mismatch)", error.Message);
        }
    }

    [Fact]
    public void Every_truncation_at_10_seeded_lengths_is_reported_as_truncated()
    {
        var (path, bytes) = SavedModel();
        var random = new Random(Seed);
        var lengths = new[] { 0, 10, 60, bytes.Length - 1 }.Concat(Enumerable.Range(0, 6).Select(_ => random.Next(bytes.Length))).ToArray();
        Assert.Equal(10, lengths.Length);
        foreach (int length in lengths)
        {
            File.WriteAllBytes(path, bytes[..length]);
            var error = Assert.Throws<ModelFileException>(() => ScoreModelFile.Load(path));
            Assert.True(error.Problem == ModelFileProblem.Truncated, $"length {length}: {error.Message}");
            Assert.StartsWith($"'{path}' is truncated", error.Message);
        }
    }

    [Fact]
    public void A_version_1_file_without_checksum_loads_with_a_warning()
    {
        using var gmm = GaussianMixtureDistribution.Ring();
        using var trainer = new Trainer(TrainingTestModels.TinyMlp(), TrainingTestModels.TinyOptions(2), new DistributionTrainingData(gmm));
        string path = Path.Combine(TrainingTestModels.TemporaryDirectory(), "old.ckpt");
        using (var writer = new BinaryWriter(File.Create(path)))
        {
            writer.Write("ScoreScope.ScoreModel");
            writer.Write(1);
            ScoreModelFile.Write(writer, trainer.EmaModel, hasTrainingState: false);
        }
        var warnings = new List<string>();

        using var loaded = ScoreModelFile.Load(path, onUnverified: warnings.Add);

        Assert.Equal(TrainingJson.Serialize(trainer.EmaModel.Config), TrainingJson.Serialize(loaded.Config));
        Assert.Equal($"'{path}' has no checksum (model format version 1, written by an older ScoreScope); loaded without verification",
            Assert.Single(warnings));
    }
}
