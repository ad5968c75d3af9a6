using ScoreScope.Data;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Scores;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Scores;

/// <summary>
/// Exact conversions s ↔ ε ↔ x̂₀ ↔ EDM output against the Gaussian oracle: for x₀ ~ N(μ, Σ) and x = a·x₀ + b·z,
/// ∇log p_t(x) = −(a²Σ + b²I)⁻¹(x − aμ) and E[x₀ | x] = μ + aΣ(a²Σ + b²I)⁻¹(x − aμ), computed here independently of
/// the library's oracle with a float64 linear solve.
/// </summary>
public sealed class ScoreParametrisationTests
{
    const ulong Seed = 20240611;
    static readonly double[] Mean = [1.0, -2.0, 0.5];
    static readonly double[,] Covariance = { { 2.0, 0.6, -0.3 }, { 0.6, 1.0, 0.2 }, { -0.3, 0.2, 0.5 } };

    public static TheoryData<string, double> Cases()
    {
        var data = new TheoryData<string, double>();
        foreach (var process in new[] { "ve", "vp" })
            foreach (var t in new[] { 0.01, 0.1, 0.5, 1.0 })
                data.Add(process, t);
        return data;
    }

    static ForwardProcess Process(string name) =>
        name == "ve" ? VarianceExplodingProcess.Geometric(0.01, 50) : VariancePreservingProcess.WithBetaRange(0.1, 20);

    /// <summary>x ~ p_t, the oracle score and posterior mean (independent closed forms).</summary>
    static (Tensor X, Tensor Score, Tensor Denoised) Oracle(double a, double b)
    {
        using var generator = Seeds.Generator(Seed);
        var mu = tensor(Mean, dtype: ScalarType.Float64);
        var sigma = tensor(Covariance, dtype: ScalarType.Float64);
        var cholesky = linalg.cholesky(sigma);
        var x0 = mu.Add(randn(new long[] { 64, 3 }, dtype: ScalarType.Float64, generator: generator).matmul(cholesky.T));
        var x = x0.Multiply(a).Add(randn(new long[] { 64, 3 }, dtype: ScalarType.Float64, generator: generator).Multiply(b));
        var c = sigma.Multiply(a * a).Add(eye(3, dtype: ScalarType.Float64).Multiply(b * b));
        var centred = x - mu.Multiply(a);
        var solved = linalg.solve(c, centred.T).T;            // (a²Σ + b²I)⁻¹(x − aμ), row-wise
        var score = -solved;
        var denoised = mu.Add(solved.matmul(sigma.T).Multiply(a));       // μ + aΣ(...)
        return (x, score, denoised);
    }

    static void AssertClose(Tensor expected, Tensor actual, double relative, string what)
    {
        double scale = expected.abs().max().item<double>();
        double error = (expected - actual).abs().max().item<double>();
        Assert.True(error <= relative * Math.Max(scale, 1e-300), $"{what}: max |Δ| = {error:G3} > {relative:G1}·{scale:G3}.");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Library_oracle_agrees_with_the_independent_gaussian_closed_form(string process, double t)
    {
        using var scope = NewDisposeScope();
        var p = Process(process);
        double a = p.A(t), b = p.B(t);
        var (x, score, denoised) = Oracle(a, b);
        using var gaussian = GaussianDistribution.FromArrays(Mean, Covariance);
        AssertClose(score, gaussian.Score(x, a, b), 1e-10, "score");
        AssertClose(denoised, gaussian.PosteriorMean(x, a, b), 1e-10, "posterior mean");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Score_noise_and_denoiser_conversions_are_exact(string process, double t)
    {
        using var scope = NewDisposeScope();
        var p = Process(process);
        double a = p.A(t), b = p.B(t);
        var (x, score, denoised) = Oracle(a, b);

        var noise = ScoreConversions.NoiseFromScore(score, b);
        AssertClose(score, ScoreConversions.ScoreFromNoise(noise, b), 1e-12, "s → ε → s");
        AssertClose(noise, (-score).Multiply(b), 1e-15, "ε = −b·s");
        AssertClose(score, ScoreConversions.ScoreFromDenoiser(x, denoised, a, b), 1e-8, "s from x̂₀");
        AssertClose(denoised, ScoreConversions.DenoiserFromScore(x, score, a, b), 1e-10, "x̂₀ from s");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_parametrisation_maps_its_natural_target_to_the_exact_score(string process, double t)
    {
        using var scope = NewDisposeScope();
        var p = Process(process);
        double a = p.A(t), b = p.B(t);
        var (x, score, denoised) = Oracle(a, b);
        const double sigmaData = 1.3;
        var edm = new EdmPreconditioning(sigmaData);
        double sigma = b / a;
        var edmOutput = (denoised - x.Divide(a).Multiply(edm.CSkip(sigma))).Divide(edm.COut(sigma));
        var natural = new (ScoreParametrisation Parametrisation, Tensor Output)[]
        {
            (new DirectScoreParametrisation(sigmaData), score),
            (new NoisePredictionParametrisation(sigmaData), (-score).Multiply(b)),
            (new DataPredictionParametrisation(sigmaData), denoised),
            (edm, edmOutput),
        };
        foreach (var (parametrisation, output) in natural)
        {
            AssertClose(score, parametrisation.ScoreFromOutput(x, output, a, b), 1e-8, $"{parametrisation.Kind}: s from F*");
            AssertClose(output, parametrisation.OutputFromScore(x, score, a, b), 1e-8, $"{parametrisation.Kind}: F* from s");
        }
    }

    [Theory]
    [InlineData(1.0, 0.05, 0.5)]
    [InlineData(0.3, 0.95, 0.5)]
    [InlineData(1.0, 40.0, 2.0)]
    public void Edm_coefficients_equal_the_karras_table_1_formulas(double a, double b, double sigmaData)
    {
        var edm = new EdmPreconditioning(sigmaData);
        double sigma = b / a, v = sigma * sigma + sigmaData * sigmaData;
        Assert.Equal(sigmaData * sigmaData / v, edm.CSkip(sigma), 15);
        Assert.Equal(sigma * sigmaData / Math.Sqrt(v), edm.COut(sigma), 15);
        Assert.Equal(1 / Math.Sqrt(v), edm.CIn(sigma), 15);
        Assert.Equal(0.25 * Math.Log(sigma), EdmPreconditioning.CNoise(sigma), 15);
        var c = edm.Coefficients(a, b);
        // s = (a·D − x)/b² with D = c_skip·x/a + c_out·F(c_in·x/a): α = (c_skip − 1)/b², β = a·c_out/b², input scale c_in/a.
        Assert.Equal((edm.CSkip(sigma) - 1) / (b * b), c.ScoreFromInput, 1e-12 * Math.Abs(c.ScoreFromInput));
        Assert.Equal(a * edm.COut(sigma) / (b * b), c.ScoreFromOutput, 1e-12 * Math.Abs(c.ScoreFromOutput));
        Assert.Equal(edm.CIn(sigma) / a, c.InputScale, 1e-12 * c.InputScale);
    }

    [Fact]
    public void A_parametrisation_rejects_b_equal_to_zero()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new NoisePredictionParametrisation().Coefficients(1.0, 0.0));
        Assert.Contains("b = 0", e.Message);
    }
}
