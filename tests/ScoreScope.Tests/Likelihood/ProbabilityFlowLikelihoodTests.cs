using ScoreScope.Data;
using ScoreScope.Likelihood;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Tests.Sampling;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Likelihood;

/// <summary>
/// Probability-flow log-likelihoods of exact scores against the closed-form densities of the smoothed data
/// (acceptance of the likelihood issue: within 10⁻³ nats per point on average at rtol = atol = 10⁻⁶, 1000 points).
/// </summary>
public sealed class ProbabilityFlowLikelihoodTests(ITestOutputHelper output)
{
    const ulong PointSeed = 17017;
    const double MinimumTime = 1e-3;

    static ExactDistribution Data(string name) => name == "gmm8" ? GaussianMixtureDistribution.Ring() : SamplingFixtures.Gaussian10();

    /// <summary>Mean and maximum |log p̂ − log p| over the points, and the NFE.</summary>
    static (double Mean, double Max, long Evaluations) Errors(ExactDistribution data, ForwardProcess process, Tensor points, double tolerance,
        bool exactTerminal = true)
    {
        using var scope = NewDisposeScope();
        double aT = process.A(process.EndTime), bT = process.B(process.EndTime);
        var likelihood = new ProbabilityFlowLikelihood(data.ScoreFunction(process), process, new LikelihoodOptions
        {
            MinimumTime = MinimumTime,
            Tolerances = new OdeTolerances(tolerance, tolerance),
            TerminalLogDensity = exactTerminal ? x => data.LogDensity(x, aT, bT) : null,
        });
        var result = likelihood.Evaluate(points);
        var exact = data.LogDensity(points, process.A(MinimumTime), process.B(MinimumTime));
        var error = (result.LogLikelihood - exact).abs();
        return (error.mean().item<double>(), error.max().item<double>(), result.FunctionEvaluations);
    }

    [Theory]
    [InlineData("gaussian10", "vp")]
    [InlineData("gaussian10", "ve")]
    [InlineData("gmm8", "vp")]
    [InlineData("gmm8", "ve")]
    public void Exact_score_recovers_the_smoothed_density(string dataName, string processName)
    {
        using var scope = NewDisposeScope();
        var data = Data(dataName);
        var process = SamplingFixtures.Process(processName);
        var points = SamplingFixtures.MarginalSamples(data, process, MinimumTime, 1000, PointSeed);
        Assert.Equal(1000, points.shape[0]);
        var loose = Errors(data, process, points, 1e-4);
        var tight = Errors(data, process, points, 1e-6);
        var prior = Errors(data, process, points, 1e-6, exactTerminal: false);
        output.WriteLine($"{dataName} {processName}: rtol=atol=1e-4 mean {loose.Mean:E2} max {loose.Max:E2} NFE {loose.Evaluations}; " +
                         $"1e-6 mean {tight.Mean:E2} max {tight.Max:E2} NFE {tight.Evaluations}; with the N(0, σ_p²) prior: mean {prior.Mean:E2} max {prior.Max:E2}");
        Assert.True(tight.Mean < 1e-3, $"mean |error| {tight.Mean:E3} nats ≥ 1e-3 at rtol = atol = 1e-6 (max {tight.Max:E3})");
        Assert.True(tight.Mean < loose.Mean, $"the error did not fall as the tolerance tightened: {loose.Mean:E3} → {tight.Mean:E3}");
    }

    [Fact]
    public void Hutchinson_likelihood_agrees_with_the_exact_trace_within_its_standard_error()
    {
        using var scope = NewDisposeScope();
        var data = SamplingFixtures.Gaussian10();
        var process = SamplingFixtures.Process("vp");
        var points = SamplingFixtures.MarginalSamples(data, process, MinimumTime, 200, PointSeed);
        var options = new LikelihoodOptions { MinimumTime = MinimumTime, Tolerances = new OdeTolerances(1e-6, 1e-6) };
        var exact = new ProbabilityFlowLikelihood(data.ScoreFunction(process), process, options).Evaluate(points);
        var estimated = new ProbabilityFlowLikelihood(data.ScoreFunction(process), process,
            options with { Divergence = DivergenceMethod.Hutchinson, Probes = 8, Seed = 99 }).Evaluate(points);
        Assert.Null(exact.StandardError);
        Assert.NotNull(estimated.StandardError);
        // One z over all points: the mean difference over the SE of the mean, √(Σ SEᵢ²)/N (independent probes per point).
        var difference = estimated.LogLikelihood - exact.LogLikelihood;
        double standardError = estimated.StandardError!.Square().sum().sqrt().item<double>() / 200;
        double z = difference.mean().item<double>() / standardError;
        output.WriteLine($"Hutchinson K = 8 vs exact trace, 200 points: mean difference {difference.mean().item<double>():E3} nats, SE {standardError:E3}, z = {z:F2}; mean per-point SE {estimated.StandardError!.mean().item<double>():E3}");
        Assert.True(Math.Abs(z) < 4, $"the Hutchinson log-likelihoods differ from the exact-trace ones by {z:F2} SE on average (SE of the mean from the per-point probe SEs); tolerance 4 SE");
    }
}
