using ScoreScope.Data.MixedCumulant;
using ScoreScope.SimplicityBias;
using Xunit;
using Xunit.Abstractions;

namespace ScoreScope.Tests.SimplicityBias;

public sealed class EscapeTimeSweepTests(ITestOutputHelper output)
{
    const ulong Seed = 20251206;
    const int Replicas = 6;
    static readonly int[] Dimensions = [8, 16, 32];

    // Spike (a): a covariance spike of variance ¼ along e₁ (attractive for tanh ε-prediction: C₂ = (α²φ₂/2)(V − 1) < 0;
    // the code's V = 10 is repulsive, docs/science/simplicity-bias.md §3). Spike (b): three-mixture(a = 0.05) latent, κ₄ = 7 > 0 (attractive).
    // (c): the same latent coupled to λ, ν = sign(λ)|ν′|, with the V = ¼ covariance spike.
    static AlignedMixedCumulantModel Model(string spike, int d) => spike switch
    {
        "covariance" => new(d, new GaussianLatentLaw(), false, covarianceSpikeVariance: 0.25, meanShift: 0),
        "cumulant" => new(d, new ThreeMixtureLaw(0.05), false, covarianceSpikeVariance: 1, meanShift: 0),
        _ => new(d, new ThreeMixtureLaw(0.05), true, covarianceSpikeVariance: 0.25, meanShift: 0),
    };

    static TeacherStudentOptions Options(string spike, int d)
    {
        int k = spike == "cumulant" ? 4 : 2;
        return new TeacherStudentOptions
        {
            Optimizer = DenoiserOptimizer.SphericalSgd, LearnSkip = false, InitialSkip = new FixedTimeNoise(0.3).Delta,
            LearningRate = EscapeTimeSweep.LearningRate(0.4, d, k), Steps = 400_000,
            EscapeSpike = spike == "covariance" ? MixedCumulantSpike.Covariance : MixedCumulantSpike.Cumulant,
        };
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Fourth_cumulant_escape_time_grows_faster_with_d_than_the_covariance_escape_time()
    {
        var fits = new Dictionary<string, EscapeTimeSweepResult>();
        foreach (var spike in new[] { "covariance", "cumulant", "correlated" })
        {
            var result = EscapeTimeSweep.Run(Dimensions, d => Model(spike, d), d => Options(spike, d), Seed, Replicas, maxThreads: 2);
            fits[spike] = result;
            foreach (var p in result.Points)
                output.WriteLine($"{spike} d = {p.Dimension}: η = {p.LearningRate:G3}, escaped {p.Escaped}/{p.Escaped + p.Censored}, mean {p.MeanSteps:F0} ± {p.StandardError:F0}, median {p.MedianSteps:F0}");
            output.WriteLine($"{spike}: γ = {result.Fit}");
        }
        Assert.All(fits.Values, r => Assert.NotNull(r.Fit));
        var a = fits["covariance"].Fit!;
        var b = fits["cumulant"].Fit!;
        double gap = b.Exponent - a.Exponent, se = Math.Sqrt(b.ExponentStandardError * b.ExponentStandardError + a.ExponentStandardError * a.ExponentStandardError);
        Assert.True(gap > 2 * se, $"γ(cumulant) − γ(covariance) = {gap:F2} ± {se:F2} is not positive at 2 SE");
    }
}
