using System.Text.Json.Nodes;
using ScoreScope.IO;
using ScoreScope.Processes;
using ScoreScope.Scores;
using ScoreScope.Training;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Cli;

/// <summary>
/// <c>scorescope correct</c>: with the exact score as proposal the chain accepts almost everything and passes its checks;
/// a trained model's proposals are corrected with the claims written; bad input is one line, exit 2, nothing written.
/// </summary>
public sealed class CorrectCommandTests : IDisposable
{
    readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    static JsonObject Metrics(string folder) => JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "metrics.json")))!.AsObject();

    [Fact]
    public void Exact_score_proposals_are_accepted_and_pass_every_check()
    {
        var result = CliHarness.Run("correct", "--target", "gaussian10", "--data", "gaussian10", "--n", "1500", "--seed", "3", "--check",
            "--out", _cli.PathOf("run"));
        Assert.True(result.ExitCode == 0, result.ToString());
        var metrics = Metrics(_cli.PathOf("run"));
        // The exact flow's proposals differ from the target only by the prior mismatch: acceptance and ESS/N near 1.
        Assert.True(metrics["acceptance-rate"]!.GetValue<double>() > 0.95, metrics.ToJsonString());
        Assert.True(metrics["importance-ess-per-proposal"]!.GetValue<double>() > 0.95, metrics.ToJsonString());
        Assert.Equal(65, metrics["checks"]!.GetValue<int>()); // 10 means + 55 covariance entries
        using var scope = NewDisposeScope();
        Assert.Equal([1500L, 10], NpyFile.Read(_cli.PathOf("run", "chain.npy")).shape);
        Assert.Equal([1500L], NpyFile.Read(_cli.PathOf("run", "weights.npy")).shape);
        foreach (string file in new[] { "proposals.npy", "log_proposal.npy", "log_target.npy", "checks.csv", "correction.png", "config.json", "metrics.csv" })
            Assert.True(File.Exists(_cli.PathOf("run", file)), file);
    }

    [Fact]
    public void A_trained_models_proposals_are_corrected_and_checked()
    {
        string run = _cli.PathOf("model");
        TrainCliRuns.Train(run);
        var result = CliHarness.Run("correct", "--target", "gmm8", "--model", run, "--n", "600", "--out", _cli.PathOf("corrected"));
        Assert.True(result.ExitCode == 0, result.ToString());
        var metrics = Metrics(_cli.PathOf("corrected"));
        Assert.InRange(metrics["acceptance-rate"]!.GetValue<double>(), 0.0, 1.0);
        Assert.True(metrics["function-evaluations"]!.GetValue<long>() > 0);
        Assert.True(metrics.ContainsKey("corrected-occupancy-max-z"));
        Assert.Equal(2 + 3 + 8, metrics["checks"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(new[] { "--data", "gmm8" }, "--target is required")]
    [InlineData(new[] { "--target", "gmm9", "--data", "gmm8" }, "--target: unknown value 'gmm9'; valid: gmm8, gaussian10")]
    [InlineData(new[] { "--target", "phi4:L=8,kappa=0.2,lambda=0.02", "--data", "gmm8" }, "--target phi4 needs --model")]
    [InlineData(new[] { "--target", "phi4:L=8,kappa=x,lambda=0.02", "--data", "gmm8" }, "--target phi4: kappa must be a finite number (got 'x')")]
    [InlineData(new[] { "--target", "gmm8" }, "give exactly one of --model")]
    [InlineData(new[] { "--target", "gaussian10", "--data", "gmm8" }, "--target gaussian10 has points of shape [10], the --data distribution [2]; they must be equal")]
    [InlineData(new[] { "--target", "gmm8", "--data", "gmm8", "--rtol", "0" }, "--rtol must be finite and > 0 (got 0)")]
    [InlineData(new[] { "--target", "gmm8", "--data", "gmm8", "--atol", "-1" }, "--atol must be finite and > 0 (got -1)")]
    [InlineData(new[] { "--target", "gmm8", "--data", "gmm8", "--n", "1" }, "--n must be ≥ 2 (got 1)")]
    [InlineData(new[] { "--target", "gmm8", "--data", "mnist" }, "--data: unknown value 'mnist'; valid: gmm8, gaussian10")]
    [InlineData(new[] { "--target", "gmm8", "--data", "gmm8", "--t-min", "0" }, "--t-min must lie in (0, T) = (0, 1) (got 0)")]
    [InlineData(new[] { "--target", "gmm8", "--data", "gmm8", "--process", "vp", "--sigma-min", "0.1" }, "--sigma-min does not apply to --process vp")]
    public void Bad_input_is_one_line_exit_2_and_nothing_written(string[] args, string expected)
    {
        var result = CliHarness.Run(["correct", .. args, "--out", _cli.PathOf("out")]);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(_cli.PathOf("out")));
    }

    /// <summary>An untrained lattice U-Net of [1, 4, 4] fields (VE σ = 25, as reproduce phi4) saved as model-test/model.ckpt.</summary>
    string LatticeModel()
    {
        string folder = Directory.CreateDirectory(_cli.PathOf("model-test")).FullName;
        var config = new ScoreModelConfig([1, 4, 4], ForwardProcessSpec.VarianceExplodingDiffusionBase(25),
            new UNetOptions(BaseChannels: 4, ChannelMultipliers: [1, 2], Groups: 2, EmbeddingDimension: 8, CircularPadding: true),
            ParametrisationKind.Edm, SigmaData: 0.5);
        using var model = ScoreModel.Create(config, seed: 1);
        ScoreModelFile.Save(model, Path.Combine(folder, Trainer.ModelFileName));
        return folder;
    }

    [Fact]
    public void A_lattice_model_of_another_size_is_refused_naming_the_valid_L()
    {
        string model = LatticeModel();
        var result = CliHarness.Run("correct", "--target", "phi4:L=8,kappa=0.2,lambda=0.02,min=-3,max=3", "--model", model, "--n", "4",
            "--out", _cli.PathOf("out"));
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("the model's are [1, 4, 4]; valid: L=4", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(_cli.PathOf("out")));
        var missing = CliHarness.Run("correct", "--target", "phi4:L=4,kappa=0.2,lambda=0.02", "--model", model, "--n", "4", "--out", _cli.PathOf("out"));
        Assert.True(missing.ExitCode == 2, missing.ToString()); // no normalisation-test.txt beside it and no min/max
        Assert.Contains("normalisation-<point>.txt", Assert.Single(missing.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void A_lattice_model_is_corrected_towards_the_action()
    {
        string model = LatticeModel();
        File.WriteAllText(_cli.PathOf("normalisation-test.txt"), "phi' = 2(phi - -3)/(3 - -3) - 1\n");
        var result = CliHarness.Run("correct", "--target", "phi4:L=4,kappa=0.2,lambda=0.02", "--model", model, "--n", "6", "--rtol", "1e-3",
            "--atol", "1e-3", "--out", _cli.PathOf("run"));
        Assert.True(result.ExitCode == 0, result.ToString());
        var metrics = Metrics(_cli.PathOf("run"));
        Assert.InRange(metrics["acceptance-rate"]!.GetValue<double>(), 0.0, 1.0);
        Assert.InRange(metrics["importance-ess"]!.GetValue<double>(), 1.0, 6.0);
        foreach (string file in new[] { "proposals.npy", "log_proposal.npy", "log_target.npy", "chain.npy", "weights.npy", "observables.csv", "config.json" })
            Assert.True(File.Exists(Path.Combine(_cli.PathOf("run"), file)), file);
        Assert.Equal(4, File.ReadAllLines(Path.Combine(_cli.PathOf("run"), "observables.csv")).Length); // header + |M|, chi, U
    }
}
