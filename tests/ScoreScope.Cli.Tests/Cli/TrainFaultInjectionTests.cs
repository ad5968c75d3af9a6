using ScoreScope.Runs;
using ScoreScope.Training;
using ScoreScope.Tests.Infrastructure;

namespace ScoreScope.Tests.Cli;

/// <summary>
/// Faults keep good data: an I/O error injected at each write point of <c>scorescope train</c> in turn (config.json,
/// metrics.csv rows, checkpoints, model.ckpt) gives one line on stderr and a non-zero exit, loses no good checkpoint
/// (the one written before the fault still verifies), and a later <c>train --resume NAME</c> finishes with a model
/// byte-identical to an uninterrupted run.
/// </summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class TrainFaultInjectionTests : IDisposable
{
    readonly CliHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void A_fault_at_every_write_point_loses_no_good_checkpoint_and_resume_finishes_identically()
    {
        string reference = _harness.PathOf("runs", "reference");
        int writePoints;
        using (var counting = AtomicFile.InjectFault(0))
        {
            var run = CliHarness.Run(TrainCliRuns.Tiny(reference));
            Assert.True(run.ExitCode == 0, run.ToString());
            writePoints = counting.Count;
        }
        byte[] expected = File.ReadAllBytes(Path.Combine(reference, Trainer.ModelFileName));
        // config.json twice, the metrics header, two metrics rows, two checkpoints and model.ckpt.
        Assert.True(writePoints >= 8, $"expected at least 8 write points in a tiny run, counted {writePoints}");

        for (int k = 1; k <= writePoints; k++)
        {
            string target = _harness.PathOf("runs", $"fault-{k}");
            string partial = RunFolder.PartialPathOf(target);
            CliResult failed;
            string? failedPath;
            using (var fault = AtomicFile.InjectFault(k))
            {
                failed = CliHarness.Run(TrainCliRuns.Tiny(target));
                failedPath = fault.FailedPath;
            }
            Assert.True(failed.ExitCode == 1, $"write point {k} ({failedPath}): {failed}");
            Assert.True(failed.Error.TrimEnd('\n').Split('\n').Length == 1, $"write point {k}: not one line: {failed.Error}");
            Assert.Contains("No space left on device", failed.Error);
            Assert.False(Directory.Exists(target), $"write point {k}: the target appeared although the run failed");

            if (!Directory.Exists(partial))
            {
                // Nothing resumable had been written: the run left nothing behind and is simply started again.
                Assert.True(k <= 2, $"write point {k}: the partial folder was removed although it held resumable work");
                continue;
            }
            Assert.Contains("--resume", failed.Error);
            Assert.DoesNotContain(Directory.EnumerateFiles(partial), f => AtomicFile.IsTemporary(Path.GetFileName(f)));
            foreach (var file in new[] { Trainer.CheckpointFileName, Trainer.ModelFileName }.Select(f => Path.Combine(partial, f)).Where(File.Exists))
            {
                using var good = ScoreModelFile.Load(file);
            }

            var resumed = CliHarness.Run("train", "--resume", target);
            Assert.True(resumed.ExitCode == 0, $"write point {k}: {resumed}");
            Assert.Equal(expected, File.ReadAllBytes(Path.Combine(target, Trainer.ModelFileName)));
            Assert.False(Directory.Exists(partial));
        }
    }
}
