using ScoreScope.Training;
using ScoreScope.Tests.Infrastructure;

namespace ScoreScope.Tests.Cli;

/// <summary>
/// Every command that reads a model file answers a corrupted one (a byte flipped at 20 seeded offsets) and a truncated
/// one (10 seeded lengths) with exit code 2 and one line "… is corrupted (checksum mismatch)" / "… is truncated":
/// <c>sample --model</c>, <c>evaluate --model</c>, <c>spectra --model</c> (model.ckpt) and <c>train --resume</c>
/// (checkpoint.ckpt of a stopped run) — 30 files × 4 commands.
/// </summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class CorruptModelFileCommandTests : IDisposable
{
    const int Seed = 20261204;
    readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    static IEnumerable<(string Kind, byte[] Bytes)> Damaged(byte[] bytes)
    {
        var random = new Random(Seed);
        var offsets = new[] { 0, 5, 40, 90 }.Concat(Enumerable.Range(0, 16).Select(_ => random.Next(bytes.Length))).ToArray();
        foreach (int offset in offsets)
        {
            var corrupted = (byte[])bytes.Clone();
            corrupted[offset] ^= (byte)(1 + random.Next(255));
            yield return ($"flip at {offset}", corrupted);
        }
        var lengths = new[] { 0, 10, bytes.Length - 1 }.Concat(Enumerable.Range(0, 7).Select(_ => random.Next(bytes.Length))).ToArray();
        foreach (int length in lengths) yield return ($"truncated to {length}", bytes[..length]);
    }

    [Fact]
    public void Thirty_damaged_files_are_exit_2_with_the_right_message_in_every_reading_command()
    {
        string model = _cli.PathOf("model");
        TrainCliRuns.Train(model);
        string stopped = _cli.PathOf("stopped");
        var stop = CliHarness.Run([.. TrainCliRuns.Tiny(stopped), "--stop-at", "20"]);
        Assert.True(stop.ExitCode == 0, stop.ToString());
        string modelFile = Path.Combine(model, Trainer.ModelFileName);
        string checkpointFile = Path.Combine(stopped, Trainer.CheckpointFileName);
        byte[] modelBytes = File.ReadAllBytes(modelFile), checkpointBytes = File.ReadAllBytes(checkpointFile);
        var damagedModels = Damaged(modelBytes).ToArray();
        var damagedCheckpoints = Damaged(checkpointBytes).ToArray();
        Assert.Equal(30, damagedModels.Length);
        Assert.Equal(30, damagedCheckpoints.Length);

        int answered = 0;
        for (int i = 0; i < 30; i++)
        {
            File.WriteAllBytes(modelFile, damagedModels[i].Bytes);
            string[][] readers =
            [
                ["sample", "--model", model, "--n", "10", "--steps", "2", "--out", _cli.PathOf("out-sample")],
                ["evaluate", "--model", model, "--out", _cli.PathOf("out-evaluate")],
                ["spectra", "--model", model, "--points", "2", "--out", _cli.PathOf("out-spectra")],
            ];
            foreach (var args in readers) answered += Check(args, damagedModels[i].Kind, modelFile);
            File.WriteAllBytes(checkpointFile, damagedCheckpoints[i].Bytes);
            answered += Check(["train", "--resume", stopped], damagedCheckpoints[i].Kind, checkpointFile);
        }
        Assert.Equal(120, answered);
        foreach (string output in new[] { "out-sample", "out-evaluate", "out-spectra" }) Assert.False(Directory.Exists(_cli.PathOf(output)), output);
    }

    static int Check(string[] args, string kind, string file)
    {
        var result = CliHarness.Run(args);
        string context = $"{args[0]} with {Path.GetFileName(file)} {kind}: {result}";
        Assert.True(result.ExitCode == 2, context);
        string line = Assert.Single(result.ErrorLines);
        bool truncated = kind.StartsWith("truncated", StringComparison.Ordinal);
        Assert.True(line.Contains(truncated ? "is truncated" : "is corrupted (checksum mismatch)", StringComparison.Ordinal), context);
        return 1;
    }
}
