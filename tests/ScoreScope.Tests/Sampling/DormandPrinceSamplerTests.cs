using ScoreScope.Numerics;
using ScoreScope.Sampling;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Sampling;

/// <summary>
/// The adaptive RK45 probability-flow sampler against Heun on the exact score of the 10-D Gaussian: both converge to the
/// same ODE solution, RK45 to its tolerance, and RK45 needs fewer score evaluations at equal error.
/// </summary>
public sealed class DormandPrinceSamplerTests(ITestOutputHelper output)
{
    const ulong Seed = 31337;
    const int Count = 500;

    [Theory]
    [InlineData("vp")]
    [InlineData("ve")]
    public void Rk45_matches_Heun_to_the_tolerance_with_fewer_evaluations_at_equal_error(string processName)
    {
        using var scope = NewDisposeScope();
        using var data = SamplingFixtures.Gaussian10();
        var process = SamplingFixtures.Process(processName);
        var score = data.ScoreFunction(process);
        var options = new SamplingOptions(Seed);
        Tensor Heun(int steps) => SamplerRunner.Sample(new ProbabilityFlowHeunSampler(), score, process, Count, [10],
            TimeGrid.Create(TimeGridKind.Karras, process, steps), options);
        (Tensor X, long Evaluations) Rk45(double tolerance)
        {
            var sampler = new DormandPrinceSampler(new OdeTolerances(tolerance, tolerance));
            var x = SamplerRunner.Sample(sampler, score, process, Count, [10], TimeGrid.Create(TimeGridKind.Karras, process, 1), options);
            return (x, sampler.Statistics.FunctionEvaluations);
        }
        var reference = Rk45(1e-10).X;
        double Error(Tensor x) => (x - reference).abs().max().item<double>();

        var heun = new[] { 16, 32, 64, 128, 256 }.Select(n => (Steps: n, Evaluations: 2L * n, Error: Error(Heun(n)))).ToArray();
        var rk45 = new[] { 1e-3, 1e-4, 1e-5, 1e-6, 1e-7 }.Select(tol => { var (x, nfe) = Rk45(tol); return (Tolerance: tol, Evaluations: nfe, Error: Error(x)); }).ToArray();
        foreach (var h in heun) output.WriteLine($"{processName} heun steps {h.Steps}: NFE {h.Evaluations}, max |x − x_ref| {h.Error:E2}");
        foreach (var r in rk45) output.WriteLine($"{processName} rk45 tol {r.Tolerance:E0}: NFE {r.Evaluations}, max |x − x_ref| {r.Error:E2}");

        // Heun converges to the same solution (2nd order: the error falls ≈ 4× per doubling).
        Assert.True(heun[^1].Error < heun[0].Error / 50, $"Heun did not converge to the RK45 reference: {heun[0].Error:E2} → {heun[^1].Error:E2}");
        // RK45 meets its tolerance up to the accumulation of local errors (state scale ≤ σ_p ≈ 100 for VE).
        foreach (var r in rk45)
            Assert.True(r.Error < 100 * r.Tolerance * Math.Max(1, process.PriorStandardDeviation), $"rk45 at tol {r.Tolerance:E0}: error {r.Error:E2}");
        // At the error Heun reaches with its finest grid, RK45 needs fewer evaluations.
        var finest = heun[^1];
        var matching = rk45.First(r => r.Error <= finest.Error);
        Assert.True(matching.Evaluations < finest.Evaluations,
            $"rk45 needs {matching.Evaluations} NFE for error {matching.Error:E2}; Heun {finest.Evaluations} NFE for {finest.Error:E2}");
    }
}
