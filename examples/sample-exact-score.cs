// Sample from an exact score: the 8-mode ring gmm8 under VP, probability-flow Heun on the EDM grid, then check
// that every mode holds about 1/8 of the samples (binomial SE). Run: dotnet run examples/sample-exact-score.cs
#:project ../src/ScoreScope/ScoreScope.csproj

using ScoreScope.Analysis;
using ScoreScope.Data;
using ScoreScope.Processes;
using ScoreScope.Sampling;

TorchSharp.torch.set_num_threads(1);                               // small tensors: one thread is fastest and reproducible
using var data = GaussianMixtureDistribution.Ring();              // 8 modes on a circle of radius 4, sd 0.5
var process = VariancePreservingProcess.WithBetaRange(0.1, 20.0);  // dx = −½β(t)x dt + √β(t) dW on [0, 1]
var score = data.ScoreFunction(process);                           // the exact ∇ₓ log p_t(x) at every t
var times = TimeGrid.Karras(process, steps: 32);                   // EDM ρ = 7 grid from t = 1 down to 10⁻³

using var samples = SamplerRunner.Sample(new ProbabilityFlowHeunSampler(), score, process,
    count: 4_000, eventShape: data.EventShape, times, new SamplingOptions(Seed: 7) { DenoiseFinal = true });

int failures = 0;
foreach (var mode in ModeOccupancy.Compute(data, samples))
{
    double z = mode.StandardScore(1.0 / 8);
    Console.WriteLine($"{mode}   ({z:+0.00;-0.00} SE from 1/8)");
    if (Math.Abs(z) > 5) failures++;
}
Console.WriteLine(failures == 0 ? "every mode within 5 SE of 1/8" : $"{failures} mode(s) more than 5 SE from 1/8");
return failures == 0 ? 0 : 1;
