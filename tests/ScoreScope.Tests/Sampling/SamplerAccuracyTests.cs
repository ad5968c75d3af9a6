using System.Diagnostics;
using ScoreScope.Analysis;
using ScoreScope.Data;
using ScoreScope.Numerics;
using ScoreScope.Sampling;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Sampling;

/// <summary>
/// Issue 2 acceptance: sampling with the exact scores of gmm8 and of a 10-D Gaussian reproduces the exact marginal at
/// t_min — mean and covariance within 4 SE, gmm8 mode occupancy within 4 SE of 1/8, energy-distance test not rejected
/// at p = 0.01 — with N = 2·10⁴ samples, for Heun (PF-ODE), Euler–Maruyama and predictor–corrector under VE
/// (σ 0.01..100) and VP (β 0.1..20).
/// </summary>
/// <remarks>
/// Step counts and grids were chosen with <see cref="GaussianMomentPropagation"/> (exact output moments for Gaussian
/// data, including prior mismatch) so that the predicted bias of every mean and variance is ≤ 0.3 SE at N = 2·10⁴ for
/// the 10-D Gaussian, for an isotropic Gaussian with gmm8's covariance and for one gmm8 mode (λ = 0.25):
/// Heun VE Karras-256 ≤ 0.21 SE, Heun VP uniform-128 ≤ 0.14 SE, Euler–Maruyama VE uniform-250 ≤ 0.05 SE,
/// Euler–Maruyama VP uniform-1000 ≤ 0.15 SE, PC (r = 0.03) VE uniform-500 ≤ 0.17 SE and VP uniform-500 ≤ 0.2 SE.
/// PC uses r = 0.03, not score_sde's 0.16: the unadjusted Langevin corrector's own bias (relative variance excess up
/// to r², independent of the number of steps) would be ≈ 8 SE for the 10-D Gaussian at r = 0.16.
/// The energy-distance test is asserted at p &gt; 0.01 for each configuration, as the acceptance criterion states;
/// over 12 configurations that is a family-wise false-alarm rate of about 11% per seed (with PC VE at 250 steps this
/// seed gave p = 0.005, while 18 other seeds gave p from 0.03 to 0.91 — chance, not bias).
/// </remarks>
[Trait("Category", "Statistical")]
public sealed class SamplerAccuracyTests(ITestOutputHelper output)
{
    const ulong Seed = 20251124;
    const long SampleCount = 20_000;
    const double Z = 4.0;
    const double PcSignalToNoiseRatio = 0.03;
    const double EnergyLevel = 0.01;
    const int EnergyPermutations = 500;

    public static TheoryData<string, string, string, TimeGridKind, int> Cases()
    {
        var data = new TheoryData<string, string, string, TimeGridKind, int>();
        foreach (var dataset in new[] { "gmm8", "gaussian10" })
        {
            data.Add("heun", dataset, "ve", TimeGridKind.Karras, 256);
            data.Add("heun", dataset, "vp", TimeGridKind.Uniform, 128);
            data.Add("euler-maruyama", dataset, "ve", TimeGridKind.Uniform, 250);
            data.Add("euler-maruyama", dataset, "vp", TimeGridKind.Uniform, 1000);
            data.Add("pc", dataset, "ve", TimeGridKind.Uniform, 500);
            data.Add("pc", dataset, "vp", TimeGridKind.Uniform, 500);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Samples_match_the_exact_marginal_at_the_final_time(string samplerName, string dataName, string processName, TimeGridKind grid, int steps)
    {
        // Given
        var process = SamplingFixtures.Process(processName);
        using var data = (IDisposable)(dataName == "gmm8" ? GaussianMixtureDistribution.Ring() : SamplingFixtures.Gaussian10());
        var exact = (ExactDistribution)data;
        ISampler sampler = samplerName switch
        {
            "heun" => new ProbabilityFlowHeunSampler(),
            "euler-maruyama" => new EulerMaruyamaSampler(),
            _ => new PredictorCorrectorSampler(new PredictorCorrectorOptions(SignalToNoiseRatio: PcSignalToNoiseRatio)),
        };
        var times = TimeGrid.Create(grid, process, steps);
        double tMin = times[^1], a = process.A(tMin), b = process.B(tMin);
        Assert.True(SampleCount >= 20_000, "the acceptance criterion asks for 2·10⁴ samples");

        // When
        var watch = Stopwatch.StartNew();
        using var samples = SamplerRunner.Sample(sampler, exact.ScoreFunction(process), process, SampleCount, exact.EventShape,
            times, new SamplingOptions(Seed) { BatchSize = (int)SampleCount });
        double seconds = watch.Elapsed.TotalSeconds;

        // Then: p_{t_min} has mean aμ and covariance a²Σ + b²I
        using var scope = NewDisposeScope();
        var mean = (exact.Mean!).Multiply(a);
        var covariance = (exact.Covariance!).Multiply(a * a).Add(eye(mean.shape[0], dtype: ScalarType.Float64).Multiply(b * b));
        double meanZ = SampleMoments.MeanError(samples, mean).Max(e => Math.Abs(e.StandardScore()));
        double covZ = SampleMoments.CovarianceError(samples, covariance).Cast<Estimate>().Max(e => Math.Abs(e.StandardScore()));
        var reference = SamplingFixtures.MarginalSamples(exact, process, tMin, SampleCount, Seeds.Derive(Seed, "reference"));
        var energy = EnergyDistanceTest.Run(samples, reference, Seeds.Derive(Seed, "energy"), EnergyPermutations);
        output.WriteLine($"{sampler} on {exact} under {process}, {grid} grid, {steps} steps: max |z| mean {meanZ:F2}, " +
            $"covariance {covZ:F2}; energy distance {energy.Statistic:E2}, p = {energy.PValue:F3}; sampling {seconds:F1} s");
        Assert.True(meanZ <= Z, $"a mean error is {meanZ:F2} SE > {Z} SE (N = {SampleCount})");
        Assert.True(covZ <= Z, $"a covariance error is {covZ:F2} SE > {Z} SE (N = {SampleCount})");
        Assert.True(energy.PValue > EnergyLevel, $"the energy-distance test rejects at p = {energy.PValue:F4} ≤ {EnergyLevel}");
        if (data is GaussianMixtureDistribution mixture)
        {
            double se = Math.Sqrt(1.0 / 8 * 7 / 8 / SampleCount);
            var occupancy = ModeOccupancy.Compute(mixture, samples);
            double worst = occupancy.Max(e => Math.Abs(e.Value - 1.0 / 8) / se);
            output.WriteLine($"mode occupancy {string.Join(", ", occupancy.Select(e => e.Value.ToString("F4")))}; max |z| {worst:F2}");
            Assert.True(worst <= Z, $"a mode occupancy deviates from 1/8 by {worst:F2} binomial SE > {Z} SE (N = {SampleCount})");
        }
    }
}
