using ScoreScope.Cli.Errors;
using ScoreScope.IO;
using ScoreScope.Tests.Infrastructure;

namespace ScoreScope.Tests.Cli;

/// <summary>Issue 3, deliverable 5: <c>scorescope sample --model</c> samples with a trained model, which fixes the process and the data.</summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class SampleCommandModelTests : IDisposable
{
    readonly CliHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Sample_with_a_model_uses_its_process_and_records_the_model_in_config_json()
    {
        string model = _harness.PathOf("m"), output = _harness.PathOf("s");
        TrainCliRuns.Train(model, process: "ve");

        var result = CliHarness.Run("sample", "--model", model, "--n", "300", "--steps", "8", "--seed", "2", "--out", output);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        using var samples = NpyFile.Read(Path.Combine(output, "samples.npy"));
        Assert.Equal(new long[] { 300, 2 }, samples.shape);
        string config = File.ReadAllText(Path.Combine(output, "config.json"));
        Assert.Contains("\"process\": \"ve\"", config);
        Assert.Contains("\"score\": \"model\"", config);
        Assert.Contains($"\"model\": \"{model}\"", config);

        // and the config reruns it to the same samples
        var again = CliHarness.Run("sample", "--config", Path.Combine(output, "config.json"), "--out", _harness.PathOf("s2"));
        Assert.True(again.ExitCode == ExitCodes.Success, again.ToString());
        Assert.Equal(File.ReadAllBytes(Path.Combine(output, "samples.npy")), File.ReadAllBytes(_harness.PathOf("s2", "samples.npy")));
    }

    [Fact]
    public void Sampling_with_a_model_takes_the_process_from_the_checkpoint_not_from_the_settings()
    {
        // Settings that still name the default vp (the command rejects such a conflict before this point): the job must
        // still sample with the ve process the model rebuilt from its checkpoint — one source of truth.
        string model = _harness.PathOf("m");
        TrainCliRuns.Train(model, process: "ve");
        var settings = new ScoreScope.Cli.Settings.SampleSettings { Model = model, Process = "vp", Score = "model", Seed = 1, Steps = 4 };

        using var job = ScoreScope.Cli.Runs.SampleJob.Prepare(settings, new ScoreScope.Cli.Settings.SettingOrigins(null), []);

        var trained = Assert.IsType<ScoreScope.Scores.ScoreModel>(job.Score);
        Assert.Same(trained.Process, job.Process);
        Assert.IsType<ScoreScope.Processes.VarianceExplodingProcess>(job.Process);
    }

    public static TheoryData<string[], string[]> Conflicts() => new()
    {
        { ["--process", "vp"], ["--process vp", "--process ve", "model fixes"] },
        { ["--sigma-max", "10"], ["--sigma-max 10", "--sigma-max 50"] },
        { ["--data", "gaussian10"], ["--data gaussian10", "--data gmm8"] },
        { ["--score", "exact"], ["--score exact", "--score model"] },
    };

    [Theory]
    [MemberData(nameof(Conflicts))]
    public void Flags_that_conflict_with_the_model_exit_2_and_write_nothing(string[] args, string[] expected)
    {
        string model = _harness.PathOf("m"), output = _harness.PathOf("s");
        TrainCliRuns.Train(model, process: "ve");

        var result = CliHarness.Run(["sample", "--model", model, "--out", output, .. args]);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        string line = Assert.Single(result.ErrorLines);
        foreach (var part in expected)
        {
            Assert.Contains(part, line);
        }
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Score_model_without_a_model_exits_2()
    {
        var result = CliHarness.Run("sample", "--score", "model", "--out", _harness.PathOf("s"));

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--model", Assert.Single(result.ErrorLines));
        Assert.Empty(_harness.Entries());
    }
}
