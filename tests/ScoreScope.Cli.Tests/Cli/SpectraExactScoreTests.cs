using ScoreScope.Cli.Tables;
using ScoreScope.IO;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Cli;

/// <summary>
/// <c>spectra --data</c>: spectra of an exact score without a model. For gaussian10 (N(μ, Σ)) the score Jacobian is
/// −(a²Σ + b²I)⁻¹ at every point, so the normalised singular values of b²J are σ²/(λᵢ + σ²), σ² = b²/a², λᵢ the
/// eigenvalues of Σ — the written spectra must equal them.
/// </summary>
public sealed class SpectraExactScoreTests : IDisposable
{
    readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void The_exact_spectra_of_gaussian10_are_the_closed_form()
    {
        double[] sigmaSquared = [0.01, 1, 10];
        var result = CliHarness.Run("spectra", "--data", "gaussian10", "--process", "ve", "--points", "4", "--times", "0.01,1,10", "--out", _cli.PathOf("run"));
        Assert.True(result.ExitCode == 0, result.ToString());
        using var scope = NewDisposeScope();
        var spectra = NpyFile.Read(_cli.PathOf("run", "spectra.npy")).to_type(ScalarType.Float64);
        Assert.Equal([3L, 10], spectra.shape);
        var eigenvalues = linalg.eigvalsh(BuiltInDatasets.Gaussian10().Covariance!).data<double>().ToArray();
        for (int i = 0; i < sigmaSquared.Length; i++)
        {
            var expected = eigenvalues.Select(l => sigmaSquared[i] / (l + sigmaSquared[i])).Order().ToArray();
            var measured = spectra[i].abs().data<double>().ToArray().Order().ToArray();
            for (int k = 0; k < expected.Length; k++)
                Assert.True(Math.Abs(measured[k] - expected[k]) <= 1e-9, $"σ² = {sigmaSquared[i]}, k = {k}: {measured[k]:R} vs {expected[k]:R}");
        }
        Assert.Contains("\"data\": \"gaussian10\"", File.ReadAllText(_cli.PathOf("run", "config.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Any_factor_F_gives_the_spectra_of_its_covariance_F_F_transposed()
    {
        // F [12, 3] with columns of very different lengths and not orthogonal: x₀ = F z has covariance F Fᵀ, whose nonzero
        // eigenvalues are those of FᵀF; the exact Jacobian is −(a²FFᵀ + b²I)⁻¹, so b²J has σ²/(λᵢ + σ²) (3 values) and 1 (9).
        var random = new Random(7);
        var rows = Enumerable.Range(0, 12).Select(i => new[] { 3 * Gaussian(random), 0.5 * Gaussian(random) + 0.2 * i / 12.0, 0.05 * Gaussian(random) }).ToArray();
        string file = _cli.PathOf("factor.csv");
        File.WriteAllLines(file, rows.Select(r => string.Join(',', r.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))));
        double[] sigmaSquared = [0.001, 0.1, 10];
        var result = CliHarness.Run("spectra", "--subspace-basis", file, "--process", "ve", "--points", "3", "--times", "0.001,0.1,10", "--out", _cli.PathOf("run"));
        Assert.True(result.ExitCode == 0, result.ToString());
        using var scope = NewDisposeScope();
        var spectra = NpyFile.Read(_cli.PathOf("run", "spectra.npy")).to_type(ScalarType.Float64);
        Assert.Equal([3L, 12], spectra.shape);
        var f = tensor(rows.SelectMany(r => r).ToArray(), [12, 3], ScalarType.Float64);
        var lambda = linalg.eigvalsh(f.t().matmul(f)).data<double>().ToArray();
        for (int i = 0; i < sigmaSquared.Length; i++)
        {
            var expected = lambda.Select(l => sigmaSquared[i] / (l + sigmaSquared[i])).Concat(Enumerable.Repeat(1.0, 9)).Order().ToArray();
            var measured = spectra[i].abs().data<double>().ToArray().Order().ToArray();
            for (int k = 0; k < expected.Length; k++)
                Assert.True(Math.Abs(measured[k] - expected[k]) <= 1e-9, $"σ² = {sigmaSquared[i]}, k = {k}: {measured[k]:R} vs {expected[k]:R}");
        }
    }

    static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Theory]
    [InlineData(new[] { "--times", "1" }, "give exactly one of --model")]
    [InlineData(new[] { "--data", "gmm8", "--model", "m" }, "give exactly one of --model")]
    [InlineData(new[] { "--data", "gmm8", "--process", "vp", "--sigma-min", "0.1" }, "--sigma-min does not apply to --process vp")]
    [InlineData(new[] { "--data", "gmm8", "--process", "ve", "--sigma-min", "1", "--sigma-max", "0.5" }, "--sigma-max must be >")]
    [InlineData(new[] { "--data", "mnist2" }, "--data")]
    [InlineData(new[] { "--model", "m", "--process", "ve" }, "do not apply with --model")]
    [InlineData(new[] { "--subspace-basis", "missing.npy" }, "--subspace-basis")]
    [InlineData(new[] { "--subspace-basis", "f.csv", "--data", "gmm8" }, "give exactly one of --model")]
    public void Bad_input_is_one_line_and_exit_2(string[] args, string expected)
    {
        var result = CliHarness.Run(["spectra", .. args, "--out", _cli.PathOf("out")]);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(_cli.PathOf("out")));
    }
}
