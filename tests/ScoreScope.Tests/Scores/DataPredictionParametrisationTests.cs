using ScoreScope.Data;
using ScoreScope.Processes;
using ScoreScope.Scores;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Scores;

/// <summary>
/// The score rebuilt analytically from x̂₀, s = −(x − a·x̂₀)/b², is the exact singular score of manifold data when x̂₀
/// is the exact posterior mean — on and off the manifold, down to t = 10⁻⁴ where |s| ~ dist/t (Lu, Wang, Bal 2023).
/// </summary>
public sealed class DataPredictionParametrisationTests
{
    [Theory]
    [InlineData(2, 1e-1)]
    [InlineData(2, 1e-4)]
    [InlineData(3, 1e-2)]
    [InlineData(3, 1e-4)]
    public void Score_rebuilt_from_the_exact_posterior_mean_is_the_exact_score(int dimension, double t)
    {
        using var scope = NewDisposeScope();
        var sphere = new UniformSphereDistribution(dimension);
        var process = VariancePreservingProcess.OrnsteinUhlenbeck(1.0);
        double a = process.A(t), b = process.B(t);
        var x = zeros(6, dimension, dtype: ScalarType.Float64);
        double[] radii = [0.5, 0.9, 1.0, 1.1, 1.5, 2.0];
        for (int i = 0; i < radii.Length; i++)
        {
            x[i, 0] = radii[i] * Math.Cos(i);
            x[i, 1] = radii[i] * Math.Sin(i);
        }
        var exactDenoiser = sphere.PosteriorMean(x, a, b);
        var rebuilt = new DataPredictionParametrisation(0.7).ScoreFromOutput(x, exactDenoiser, a, b);
        var exact = sphere.Score(x, a, b);
        // Rounding of (a·x̂₀ − x)/b² is ~1e-16·|x|/b²; compare relative to the largest term.
        double scale = (x.abs().max().item<double>() + 1) / (b * b);
        double worst = (rebuilt - exact).abs().max().item<double>();
        Assert.True(worst <= 1e-12 * scale, $"S^{dimension - 1}, t = {t}: max |s_rebuilt − s| = {worst:R} (scale {scale:R})");
        Assert.True(exactDenoiser.norm(1).max().item<double>() <= 1 + 1e-12, "|x̂₀| ≤ max|x₀| = 1");
    }
}
