using System.Globalization;
using ScoreScope.Cli.Tables;
using ScoreScope.IO;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Tests.Infrastructure;
using ScoreScope.Training;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Cli;

/// <summary>
/// <c>scorescope score</c>: the exact score of gaussian10 equals the closed form −(a²Σ + b²I)⁻¹(x − aμ) and the denoiser
/// Tweedie's (x + b²s)/a to 1e-10; a trained model's score and denoiser equal the model's own; bad input is one line.
/// In the TorchSharp global-state collection: the model comparison is bit for bit, and a test elsewhere changing the
/// intra-op thread count between the command's evaluation and the test's own changes the summation order (seen once with
/// xunit MaxParallelThreads = 4: "denoiser at t = 0.2").
/// </summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class ScoreCommandTests : IDisposable
{
    readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    string Points(int count, int dimension, int seed)
    {
        var random = new Random(seed);
        string path = _cli.PathOf($"points-{seed}.csv");
        File.WriteAllLines(path, Enumerable.Range(0, count).Select(_ => string.Join(',',
            Enumerable.Range(0, dimension).Select(_ => (3 * (random.NextDouble() - 0.5)).ToString("R", CultureInfo.InvariantCulture)))));
        return path;
    }

    [Fact]
    public void The_exact_score_of_gaussian10_is_the_closed_form()
    {
        string points = Points(6, 10, 1);
        var result = CliHarness.Run("score", "--data", "gaussian10", "--points", points, "--times", "0.05,0.4,1", "--process", "ve", "--out", _cli.PathOf("run"));
        Assert.True(result.ExitCode == 0, result.ToString());
        using var scope = NewDisposeScope();
        var score = NpyFile.Read(_cli.PathOf("run", "score.npy"));
        var denoised = NpyFile.Read(_cli.PathOf("run", "denoised.npy"));
        Assert.Equal([3L, 6, 10], score.shape);
        Assert.Equal([3L, 6, 10], denoised.shape);
        var data = BuiltInDatasets.Gaussian10();
        var process = new ProcessSettings("ve").Build();
        var x = DataFile.LoadPoints(points).to_type(ScalarType.Float64);
        double[] times = [0.05, 0.4, 1];
        for (int i = 0; i < times.Length; i++)
        {
            double a = process.A(times[i]), b = process.B(times[i]);
            var covariance = data.Covariance!.Multiply(a * a).Add(eye(10, dtype: ScalarType.Float64).Multiply(b * b));
            var expected = linalg.solve(covariance, (x - data.Mean!.Multiply(a)).T).T.neg();
            double scale = expected.abs().max().item<double>();
            double error = (score[i] - expected).abs().max().item<double>();
            Assert.True(error <= 1e-10 * scale, $"t = {times[i]}: max |s − s_closed| = {error:G3} (scale {scale:G3})");
            var tweedie = x.Add(expected.Multiply(b * b)).Divide(a);
            double denoiserError = (denoised[i] - tweedie).abs().max().item<double>();
            Assert.True(denoiserError <= 1e-10 * tweedie.abs().max().item<double>(), $"t = {times[i]}: max |x̂₀ − Tweedie| = {denoiserError:G3}");
        }
        Assert.Equal(4, File.ReadAllLines(_cli.PathOf("run", "times.csv")).Length);
        Assert.True(File.Exists(_cli.PathOf("run", "config.json")));
    }

    [Fact]
    public void A_trained_models_score_and_denoiser_are_the_models_own()
    {
        string run = _cli.PathOf("model");
        TrainCliRuns.Train(run);
        string points = Points(7, 2, 2);
        var result = CliHarness.Run("score", "--model", run, "--points", points, "--times", "0.2,0.7", "--out", _cli.PathOf("scored"));
        Assert.True(result.ExitCode == 0, result.ToString());
        using var scope = NewDisposeScope();
        using var model = ScoreModelFile.Load(Path.Combine(run, Trainer.ModelFileName));
        var x = DataFile.LoadPoints(points).to_type(model.Network.parameters().First().dtype);
        var score = NpyFile.Read(_cli.PathOf("scored", "score.npy"));
        var denoised = NpyFile.Read(_cli.PathOf("scored", "denoised.npy"));
        using var noGrad = no_grad();
        foreach (var (t, i) in new[] { (0.2, 0), (0.7, 1) })
        {
            Assert.True(score[i].allclose(model.Score(x, t).to_type(ScalarType.Float64), rtol: 0, atol: 0), $"score at t = {t}");
            Assert.True(denoised[i].allclose(model.Denoise(x, t).to_type(ScalarType.Float64), rtol: 0, atol: 0), $"denoiser at t = {t}");
        }
    }

    [Theory]
    [InlineData(new[] { "--times", "0.1" }, "give exactly one of --data")]
    [InlineData(new[] { "--data", "gmm8", "--model", "m", "--times", "0.1" }, "give exactly one of --data")]
    [InlineData(new[] { "--data", "gmm8", "--times", "0.1" }, "--points is required")]
    [InlineData(new[] { "--data", "gmm8", "--points", "P" }, "--times is required")]
    [InlineData(new[] { "--data", "gmm8", "--points", "P", "--times", "0" }, "--times: '0' is not a time in (0, 1]")]
    [InlineData(new[] { "--data", "gaussian10", "--points", "P", "--times", "0.5" }, "do not match the distribution's event shape [10]")]
    [InlineData(new[] { "--data", "gmm9", "--points", "P", "--times", "0.5" }, "--data")]
    [InlineData(new[] { "--data", "gmm8", "--points", "P", "--times", "0.5", "--process", "vp", "--sigma-max", "3" }, "--sigma-max does not apply to --process vp")]
    [InlineData(new[] { "--data", "gmm8", "--points", "missing.csv", "--times", "0.5" }, "--points")]
    public void Bad_input_is_one_line_exit_2_and_nothing_written(string[] args, string expected)
    {
        string points = Points(3, 2, 3);
        var resolved = args.Select(a => a == "P" ? points : a == "missing.csv" ? _cli.PathOf("missing.csv") : a).ToArray();
        var result = CliHarness.Run(["score", .. resolved, "--out", _cli.PathOf("out")]);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(_cli.PathOf("out")));
    }
}
