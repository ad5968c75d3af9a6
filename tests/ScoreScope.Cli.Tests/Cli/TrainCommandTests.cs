using ScoreScope.Cli.Errors;
using ScoreScope.Processes;
using ScoreScope.Scores;
using ScoreScope.Tests.Infrastructure;
using ScoreScope.Training;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Cli;

/// <summary>Issue 3, deliverables 4–6: <c>scorescope train</c> writes a loadable model, its config reproduces it, bad input writes nothing, and --resume is exact.</summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class TrainCommandTests : IDisposable
{
    readonly CliHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Train_writes_model_config_metrics_and_plot_and_the_model_loads_in_a_fresh_reader()
    {
        string output = _harness.PathOf("m");

        var result = CliHarness.Run(TrainCliRuns.Tiny(output, process: "ve"));

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal("", result.Error);
        foreach (var file in new[] { "model.ckpt", "config.json", "metrics.csv", "loss.png" })
        {
            Assert.True(File.Exists(Path.Combine(output, file)), $"{file} missing");
        }
        Assert.False(File.Exists(Path.Combine(output, Trainer.CheckpointFileName)), "the final checkpoint becomes model.ckpt");
        var metrics = File.ReadAllLines(Path.Combine(output, "metrics.csv"));
        Assert.StartsWith("step,learning_rate,train_loss,heldout_loss,heldout_loss_ema", metrics[0]);
        Assert.Equal(new[] { "20", "40" }, metrics.Skip(1).Select(l => l.Split(',')[0]));
        string config = File.ReadAllText(Path.Combine(output, "config.json"));
        Assert.Contains("\"seed\": 5", config);
        Assert.Contains("\"scorescope-version\"", config);
        Assert.Contains("\"sigma-max\": 50", config);

        using var model = ScoreModelFile.Load(Path.Combine(output, "model.ckpt"));
        Assert.Equal(ForwardProcessKind.VarianceExplodingGeometric, model.Config.Process.Kind);
        Assert.Equal(new MlpOptions(Width: 16, Depth: 1), model.Config.Network);
        using var x = zeros(3, 2, dtype: ScalarType.Float64);
        using var score = model.Score(x, 0.5);
        Assert.True(score.isfinite().all().item<bool>());
    }

    [Fact]
    public void The_older_parametrisation_spellings_train_the_same_model_and_are_recorded_by_their_one_name()
    {
        // Issue 11: one spelling (noise, data — the library's and the experiments' names); eps and x0 stay accepted.
        foreach (var (old, name) in new[] { ("eps", "noise"), ("x0", "data") })
        {
            string a = _harness.PathOf($"param-{old}"), b = _harness.PathOf($"param-{name}");
            var first = CliHarness.Run(TrainCliRuns.With(a, ["--param", old]));
            var second = CliHarness.Run(TrainCliRuns.With(b, ["--param", name]));
            Assert.True(first.ExitCode == 0 && second.ExitCode == 0, first + "\n" + second);
            Assert.Equal(File.ReadAllBytes(Path.Combine(b, Trainer.ModelFileName)).Length, File.ReadAllBytes(Path.Combine(a, Trainer.ModelFileName)).Length);
            using var modelA = ScoreModelFile.Load(Path.Combine(a, Trainer.ModelFileName));
            using var modelB = ScoreModelFile.Load(Path.Combine(b, Trainer.ModelFileName));
            foreach (var (pa, pb) in modelA.Network.parameters().Zip(modelB.Network.parameters()))
                Assert.True(pa.allclose(pb, rtol: 0, atol: 0), $"--param {old} and --param {name} trained different weights");
            Assert.Contains($"\"param\": \"{name}\"", File.ReadAllText(Path.Combine(a, "config.json")));
        }
    }

    [Fact]
    public void A_config_file_is_equivalent_to_the_flags_it_records()
    {
        string first = _harness.PathOf("first"), second = _harness.PathOf("second");
        TrainCliRuns.Train(first);

        var again = CliHarness.Run("train", "--config", Path.Combine(first, "config.json"), "--out", second);

        Assert.True(again.ExitCode == ExitCodes.Success, again.ToString());
        Assert.Equal(File.ReadAllBytes(Path.Combine(first, "model.ckpt")), File.ReadAllBytes(Path.Combine(second, "model.ckpt")));
        string Options(string folder) => File.ReadAllText(Path.Combine(folder, "config.json")).Split("\"resolved\"")[0];
        Assert.Equal(Options(first), Options(second));
    }

    public static TheoryData<string[], string[]> BadInput() => new()
    {
        // extra args, substrings the one error line must contain
        { ["--net", "resnet"], ["--net", "'resnet'", "mlp, unet"] },
        { ["--param", "v"], ["--param", "'v'", "score, noise, data, edm"] },
        { ["--loss", "l2"], ["--loss", "'l2'", "dsm, x0, ssm"] },
        { ["--weighting", "likelihood"], ["--weighting", "'likelihood'", "b2, unit, snr"] },
        { ["--time-sampling", "beta"], ["--time-sampling", "'beta'", "uniform, log-uniform, ddpm"] },
        { ["--steps", "0"], ["--steps", "got 0", "[1, "] },
        { ["--lr", "-1"], ["--lr", "-1", "(0, 1]"] },
        { ["--ema", "1"], ["--ema", "got 1", "[0, 1)"] },
        { ["--channels", "8"], ["--channels", "unet", "got --net mlp"] },
        { ["--net", "unet"], ["--net", "unet", "[C, H, W]", "[2]"] },
        { ["--process", "vp", "--sigma-min", "0.1"], ["--sigma-min", "ve", "got --process vp"] },
        { ["--data", "nowhere.npy"], ["--data", "nowhere.npy", "not found"] },
        { ["--threads", "0"], ["--threads", "got 0"] },
        { ["--device", "tpu"], ["--device", "'tpu'", "cpu, cuda"] },
        { ["--stop-at", "0"], ["--stop-at", "got 0"] },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void Bad_input_exits_2_with_one_line_naming_the_option_and_writes_nothing(string[] args, string[] expected)
    {
        string output = _harness.PathOf("runs", "m");

        var result = CliHarness.Run(TrainCliRuns.With(output, args));

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        string line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("scorescope train", line);
        foreach (var part in expected)
        {
            Assert.Contains(part, line);
        }
        Assert.Empty(_harness.Entries());
    }

    [Fact]
    public void Resume_through_the_cli_gives_bit_identical_weights_to_a_straight_run()
    {
        // Given a straight 40-step run and a run stopped at step 20
        string straight = _harness.PathOf("straight"), resumed = _harness.PathOf("resumed");
        TrainCliRuns.Train(straight);
        var stopped = CliHarness.Run([.. TrainCliRuns.Tiny(resumed), "--stop-at", "20"]);
        Assert.True(stopped.ExitCode == ExitCodes.Success, stopped.ToString());
        Assert.Contains("--resume", stopped.Output);
        Assert.False(File.Exists(Path.Combine(resumed, "model.ckpt")));
        Assert.True(File.Exists(Path.Combine(resumed, Trainer.CheckpointFileName)));

        // When the stopped run is resumed (other training options are refused)
        var refused = CliHarness.Run("train", "--resume", resumed, "--steps", "80");
        Assert.Equal(ExitCodes.Usage, refused.ExitCode);
        Assert.Contains("--steps", Assert.Single(refused.ErrorLines));
        var resume = CliHarness.Run("train", "--resume", resumed);

        // Then model.ckpt (EMA and raw weights, optimizer and RNG state) is byte-identical to the straight run's
        Assert.True(resume.ExitCode == ExitCodes.Success, resume.ToString());
        Assert.Equal(File.ReadAllBytes(Path.Combine(straight, "model.ckpt")), File.ReadAllBytes(Path.Combine(resumed, "model.ckpt")));
        var steps = File.ReadAllLines(Path.Combine(resumed, "metrics.csv")).Skip(1).Select(l => l.Split(',')[0]);
        Assert.Equal(new[] { "20", "40" }, steps);
        var complete = CliHarness.Run("train", "--resume", resumed);
        Assert.Equal(ExitCodes.Usage, complete.ExitCode);
        Assert.Contains("complete", Assert.Single(complete.ErrorLines));
    }

    [Fact]
    public void A_non_finite_loss_stops_with_one_line_naming_the_step_exit_1_and_keeps_the_folder()
    {
        // Given data so large (1e200) that the first loss overflows to infinity or NaN
        string data = _harness.PathOf("huge.csv"), output = _harness.PathOf("m");
        File.WriteAllLines(data, Enumerable.Range(0, 100).Select(i => $"{(i % 7 - 3) * 1e200:R},{(i % 5 - 2) * 1e200:R}"));

        var result = CliHarness.Run(TrainCliRuns.With(output, ["--data", data]));

        Assert.True(result.ExitCode == ExitCodes.Failure, result.ToString());
        string line = Assert.Single(result.ErrorLines);
        Assert.Contains("at step 1", line);
        Assert.True(File.Exists(Path.Combine(output, "config.json")), "the run folder is kept for inspection");
        Assert.False(File.Exists(Path.Combine(output, "model.ckpt")));
    }
}
