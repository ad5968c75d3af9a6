using ScoreScope.Analysis;
using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Analysis;

public sealed class SampleMomentsTests
{
    const ulong Seed = 77;
    static readonly double[,] Sigma = { { 2.0, 0.8, 0.0 }, { 0.8, 1.0, -0.3 }, { 0.0, -0.3, 0.5 } };

    static Tensor Correlated(long n, Generator generator)
    {
        var flat = new double[9];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) flat[i * 3 + j] = Sigma[i, j];
        var chol = linalg.cholesky(tensor(flat, dtype: ScalarType.Float64).reshape(3, 3));
        return randn([n, 3], dtype: ScalarType.Float64, generator: generator).matmul(chol.t()).Add(tensor(new[] { 1.0, -2.0, 0.5 }, dtype: ScalarType.Float64));
    }

    [Fact]
    public void Mean_and_covariance_are_the_sample_mean_and_the_unbiased_sample_covariance()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 1, 2, 3, 5, 4, 4, 2, 0 }, dtype: ScalarType.Float64).reshape(4, 2);
        var mean = SampleMoments.Mean(x);
        Assert.Equal(2.5, mean[0].Value, 14);
        Assert.Equal(2.75, mean[1].Value, 14);
        // column 0: 1, 3, 4, 2 → s² = 5/3; SE = s/2
        Assert.Equal(Math.Sqrt(5.0 / 3) / 2, mean[0].StandardError, 14);
        var cov = SampleMoments.Covariance(x);
        // deviations (−1.5, 0.5, 1.5, −0.5) and (−0.75, 2.25, 1.25, −2.75): Σ products = 5.5 → /3
        Assert.Equal(5.5 / 3, cov[0, 1].Value, 14);
        Assert.Equal(cov[0, 1], cov[1, 0]);
        Assert.Equal(4L, cov[0, 0].Count);
        // SE²·N = mean(d0²d1²) − mean(d0 d1)² with plug-in (1/N) moments
        double[] d0 = [-1.5, 0.5, 1.5, -0.5], d1 = [-0.75, 2.25, 1.25, -2.75];
        double m22 = d0.Zip(d1, (a, b) => a * a * b * b).Average(), m11 = d0.Zip(d1, (a, b) => a * b).Average();
        Assert.Equal(Math.Sqrt((m22 - m11 * m11) / 4), cov[0, 1].StandardError, 14);
    }

    [Fact]
    [Trait("Category", "Statistical")]
    public void Standard_errors_match_the_spread_over_replicates()
    {
        // 400 replicates of N = 200 correlated Gaussian samples: the standard deviation of each estimate over the
        // replicates must match its average reported SE. The replicate sd has relative SE ≈ 1/√(2·400) = 3.5%, so the
        // tolerance is 4 × 3.5% = 14% (plus O(1/N) bias of the plug-in SE, < 1%).
        const int Replicates = 400;
        const long N = 200;
        using var scope = NewDisposeScope();
        using var generator = Seeds.Generator(Seed);
        var means = new List<Estimate[]>();
        var covariances = new List<Estimate[,]>();
        for (int r = 0; r < Replicates; r++)
        {
            using var inner = NewDisposeScope();
            var x = Correlated(N, generator);
            means.Add(SampleMoments.Mean(x));
            covariances.Add(SampleMoments.Covariance(x));
        }
        double tolerance = 4 / Math.Sqrt(2.0 * Replicates);
        for (int i = 0; i < 3; i++)
        {
            AssertSpreadMatches(means.Select(m => m[i]).ToArray(), tolerance, $"mean[{i}]");
            for (int j = 0; j <= i; j++) AssertSpreadMatches(covariances.Select(c => c[i, j]).ToArray(), tolerance, $"covariance[{i},{j}]");
        }
    }

    [Fact]
    [Trait("Category", "Statistical")]
    public void Covariance_standard_error_tends_to_the_Gaussian_closed_form()
    {
        // For Gaussian data Var(Ĉ_ij) → (Σ_ii Σ_jj + Σ_ij²)/N; with N = 10⁵ the plug-in SE is within ~1.5% of it
        // (its own relative sampling error is about √(Var(m₂₂)/N)/(2m₂₂) < 1%); 4% allowed.
        const long N = 100_000;
        using var scope = NewDisposeScope();
        using var generator = Seeds.Generator(Seed + 1);
        var cov = SampleMoments.Covariance(Correlated(N, generator));
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
            {
                double exact = Math.Sqrt((Sigma[i, i] * Sigma[j, j] + Sigma[i, j] * Sigma[i, j]) / N);
                Assert.True(Math.Abs(cov[i, j].StandardError / exact - 1) < 0.04, $"SE of covariance[{i},{j}] is {cov[i, j].StandardError:G4}, closed form {exact:G4}");
            }
    }

    [Fact]
    public void Errors_against_exact_values_and_reference_samples()
    {
        using var scope = NewDisposeScope();
        using var generator = Seeds.Generator(Seed + 2);
        var x = Correlated(5000, generator);
        var y = Correlated(4000, generator);
        var exactMean = tensor(new[] { 1.0, -2.0, 0.5 }, dtype: ScalarType.Float64);
        var meanError = SampleMoments.MeanError(x, exactMean);
        var mean = SampleMoments.Mean(x);
        Assert.Equal(mean[1].Value + 2.0, meanError[1].Value, 14);
        Assert.Equal(mean[1].StandardError, meanError[1].StandardError);
        var difference = SampleMoments.MeanDifference(x, y);
        var meanY = SampleMoments.Mean(y);
        Assert.Equal(mean[0].Value - meanY[0].Value, difference[0].Value, 14);
        Assert.Equal(Math.Sqrt(Math.Pow(mean[0].StandardError, 2) + Math.Pow(meanY[0].StandardError, 2)), difference[0].StandardError, 14);
        var covDifference = SampleMoments.CovarianceDifference(x, y);
        Assert.Equal(SampleMoments.Covariance(x)[2, 1].Value - SampleMoments.Covariance(y)[2, 1].Value, covDifference[2, 1].Value, 14);
        var flat = new double[9];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) flat[i * 3 + j] = Sigma[i, j];
        var covError = SampleMoments.CovarianceError(x, tensor(flat, dtype: ScalarType.Float64).reshape(3, 3));
        Assert.Equal(SampleMoments.Covariance(x)[0, 1].Value - 0.8, covError[0, 1].Value, 14);
        Assert.All(covError.Cast<Estimate>(), e => Assert.True(Math.Abs(e.StandardScore()) < 5, $"covariance error {e} beyond 5 SE"));
        Assert.Throws<ArgumentException>(() => SampleMoments.MeanError(x, zeros(2, dtype: ScalarType.Float64)));
        Assert.Throws<ArgumentException>(() => SampleMoments.MeanDifference(x, zeros(10, 2, dtype: ScalarType.Float64)));
    }

    [Fact]
    public void One_sample_has_no_standard_error()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 1.0, 2.0 }, dtype: ScalarType.Float64).reshape(1, 2);
        Assert.True(double.IsNaN(SampleMoments.Mean(x)[0].StandardError));
        Assert.True(double.IsNaN(SampleMoments.Covariance(x)[0, 0].StandardError));
        Assert.Throws<ArgumentException>(() => SampleMoments.Mean(zeros(0, 2, dtype: ScalarType.Float64)));
    }

    static void AssertSpreadMatches(Estimate[] replicates, double tolerance, string name)
    {
        double mean = replicates.Average(e => e.Value);
        double sd = Math.Sqrt(replicates.Sum(e => (e.Value - mean) * (e.Value - mean)) / (replicates.Length - 1));
        double se = replicates.Average(e => e.StandardError);
        Assert.True(Math.Abs(sd / se - 1) <= tolerance, $"{name}: spread over replicates {sd:G4} vs mean SE {se:G4} (ratio {sd / se:F3}, tolerance ±{tolerance:P0})");
    }
}
