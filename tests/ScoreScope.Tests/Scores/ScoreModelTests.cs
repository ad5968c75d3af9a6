using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Scores;
using TorchSharp;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Scores;

public sealed class ScoreModelTests
{
    const ulong Seed = 7;

    static ScoreModel RandomModel(ParametrisationKind kind, ForwardProcessSpec process)
    {
        var config = new ScoreModelConfig([3], process, new MlpOptions(Width: 32, Depth: 2, EmbeddingDimension: 16), kind, SigmaData: 1.5);
        var model = ScoreModel.Create(config, Seed);
        using var generator = Seeds.Generator(Seed + 1);
        using var _ = no_grad();
        foreach (var p in model.Network.parameters()) p.copy_(randn(p.shape, generator: generator).Multiply(0.2));
        return model;
    }

    public static TheoryData<ParametrisationKind, string> Cases()
    {
        var data = new TheoryData<ParametrisationKind, string>();
        foreach (var kind in Enum.GetValues<ParametrisationKind>())
            foreach (var process in new[] { "ve", "vp" })
                data.Add(kind, process);
        return data;
    }

    static ForwardProcessSpec Spec(string name) =>
        name == "ve" ? ForwardProcessSpec.VarianceExplodingGeometric() : ForwardProcessSpec.VariancePreservingLinear();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Score_denoiser_and_noise_outputs_are_consistent(ParametrisationKind kind, string process)
    {
        using var scope = NewDisposeScope();
        using var model = RandomModel(kind, Spec(process));
        using var generator = Seeds.Generator(Seed);
        var x = randn(new long[] { 16, 3 }, dtype: ScalarType.Float64, generator: generator).Multiply(2);
        const double t = 0.3;
        double a = model.Process.A(t), b = model.Process.B(t);

        var score = model.Score(x, t);
        var denoised = model.Denoise(x, t);
        var noise = model.PredictNoise(x, t);

        Assert.Equal(ScalarType.Float64, score.dtype);
        var fromDenoiser = ScoreConversions.ScoreFromDenoiser(x, denoised, a, b);
        Assert.True((fromDenoiser - score).abs().max().item<double>() <= 1e-9 * score.abs().max().item<double>(), "s from x̂₀ ≠ s");
        Assert.True((ScoreConversions.ScoreFromNoise(noise, b) - score).abs().max().item<double>() <= 1e-12 * score.abs().max().item<double>(), "s from ε ≠ s");
    }

    [Fact]
    public void Score_equals_the_parametrisation_applied_to_the_network_output()
    {
        using var scope = NewDisposeScope();
        using var model = RandomModel(ParametrisationKind.Edm, ForwardProcessSpec.VarianceExplodingGeometric());
        using var generator = Seeds.Generator(Seed);
        var x = randn(new long[] { 8, 3 }, dtype: ScalarType.Float64, generator: generator);
        const double t = 0.5;
        double a = model.Process.A(t), b = model.Process.B(t);
        var c = model.Parametrisation.Coefficients(a, b);
        using var _ = no_grad();
        var condition = ScalarArithmetic.Full([8], 0.25 * Math.Log(b / a), ScalarType.Float32);
        var output = model.Network.forward((x.Multiply(c.InputScale)).to_type(ScalarType.Float32), condition);
        var expected = model.Parametrisation.ScoreFromOutput(x, output, a, b);
        Assert.Equal(0.0, (expected - model.Score(x, t)).abs().max().item<double>(), 12);
    }

    [Fact]
    public void A_time_outside_the_process_interval_is_rejected_naming_the_time()
    {
        using var model = RandomModel(ParametrisationKind.Noise, ForwardProcessSpec.VariancePreservingLinear());
        using var x = zeros(4, 3, dtype: ScalarType.Float64);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => model.Score(x, 1.5));
        Assert.Contains("t = 1.5", e.Message);
    }
}
