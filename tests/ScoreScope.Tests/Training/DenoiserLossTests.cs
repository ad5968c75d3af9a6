using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Scores;
using ScoreScope.Training;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Training;

/// <summary>
/// The x̂₀ (conditional-expectation) loss of Lu, Wang, Bal 2023 under the OU process: its weight λ = a²/b² is
/// 1/(e^t − 1), and with that weight the x̂₀ loss is the ε-loss (DSM with λ = b²) sample by sample
/// (docs/science/singular-scores.md §3.4).
/// </summary>
public sealed class DenoiserLossTests
{
    const ulong Seed = 606;

    [Theory]
    [InlineData(1e-8)]
    [InlineData(1e-4)]
    [InlineData(1e-1)]
    [InlineData(1.0)]
    [InlineData(10.0)]
    public void Signal_to_noise_weight_is_one_over_e_to_the_t_minus_one_for_the_OU_process(double tau)
    {
        // OU(β) at t is the unit-rate OU process at τ = β·t; β = 10 covers τ up to 10 with t ≤ 1.
        var process = VariancePreservingProcess.OrnsteinUhlenbeck(10.0);
        double t = tau / 10.0;
        double weight = LossWeighting.SignalToNoise.Weight(t, process.A(t), process.B(t));
        double expected = 1.0 / ExponentialMinusOne.Evaluate(tau);
        Assert.True(Math.Abs(weight - expected) <= 1e-12 * expected, $"τ = {tau}: λ = {weight:R}, 1/(e^τ − 1) = {expected:R}");
    }

    [Fact]
    public void With_the_signal_to_noise_weight_the_denoiser_loss_equals_the_noise_loss_per_sample()
    {
        using var scope = NewDisposeScope();
        var config = new ScoreModelConfig([2], ForwardProcessSpec.OrnsteinUhlenbeck(10.0),
            new MlpOptions(Width: 16, Depth: 1, EmbeddingDimension: 8), ParametrisationKind.Data, SigmaData: 0.7);
        using var model = ScoreModel.Create(config, Seed);
        using var generator = Seeds.Generator(Seed);
        var x0 = randn(new long[] { 64, 2 }, dtype: ScalarType.Float64, generator: generator);
        var t = (rand(new long[] { 64 }, dtype: ScalarType.Float64, generator: generator).Multiply(Math.Log(1e5)).Add(Math.Log(1e-5))).exp();
        var z = randn(new long[] { 64, 2 }, dtype: ScalarType.Float64, generator: generator);
        var times = new TimeSampling(TimeSamplingKind.LogUniform, 1e-5, 1.0);
        using var _ = no_grad();
        var denoiser = new DenoiserLoss(times, LossWeighting.SignalToNoise).PerSampleLoss(model, x0, t, z).to_type(ScalarType.Float64);
        var noise = new DenoisingScoreMatchingLoss(times, LossWeighting.NoiseVariance).PerSampleLoss(model, x0, t, z).to_type(ScalarType.Float64);
        double worst = ((denoiser - noise).abs() / noise.abs().ClampMin(1e-12)).max().item<double>();
        Assert.True(worst < 1e-4, $"largest relative difference {worst:R} (float32 network output, float64 weights)");
    }
}
