using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Scores;
using ScoreScope.Training;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Training;

/// <summary>Per-sample loss values against their definitions, computed independently through the model's score.</summary>
public sealed class LossTests
{
    const ulong Seed = 99;

    static ScoreModel RandomModel(ParametrisationKind kind)
    {
        var config = new ScoreModelConfig([2], ForwardProcessSpec.VariancePreservingLinear(), new MlpOptions(Width: 16, Depth: 1, EmbeddingDimension: 8), kind, SigmaData: 1.0);
        var model = ScoreModel.Create(config, Seed);
        using var generator = Seeds.Generator(Seed + 1);
        using var _ = no_grad();
        foreach (var p in model.Network.parameters()) p.copy_(randn(p.shape, generator: generator).Multiply(0.3));
        return model;
    }

    static (Tensor X0, Tensor T, Tensor Z) Batch()
    {
        using var generator = Seeds.Generator(Seed);
        var x0 = randn(new long[] { 32, 2 }, dtype: ScalarType.Float64, generator: generator).Multiply(2);
        var t = rand(new long[] { 32 }, dtype: ScalarType.Float64, generator: generator).Multiply(0.9).Add(0.05);
        var z = randn(new long[] { 32, 2 }, dtype: ScalarType.Float64, generator: generator);
        return (x0, t, z);
    }

    [Theory]
    [InlineData(LossWeightingKind.NoiseVariance, 0.3, 2.0, 0.5, 0.25)]
    [InlineData(LossWeightingKind.Unit, 0.3, 2.0, 0.5, 1.0)]
    [InlineData(LossWeightingKind.SignalToNoise, 0.3, 2.0, 0.5, 16.0)]
    public void Named_weightings_have_their_exact_values(LossWeightingKind kind, double t, double a, double b, double expected) =>
        Assert.Equal(expected, LossWeighting.FromKind(kind).Weight(t, a, b));

    public static TheoryData<ParametrisationKind, string> WeightingCases()
    {
        var data = new TheoryData<ParametrisationKind, string>();
        foreach (var kind in Enum.GetValues<ParametrisationKind>())
            foreach (var w in new[] { "b2", "unit", "snr", "custom" })
                data.Add(kind, w);
        return data;
    }

    static LossWeighting Weighting(string name) => name switch
    {
        "b2" => LossWeighting.NoiseVariance,
        "unit" => LossWeighting.Unit,
        "snr" => LossWeighting.SignalToNoise,
        _ => LossWeighting.Custom("t^2+a", (t, a, _) => t * t + a),
    };

    [Theory]
    [MemberData(nameof(WeightingCases))]
    public void Denoising_score_matching_equals_lambda_times_the_mean_squared_score_residual(ParametrisationKind kind, string weighting)
    {
        // ℓ = λ(t)·(1/D)·‖s_θ(x_t, t) + z/b‖², with s_θ from the model in float64
        using var scope = NewDisposeScope();
        using var model = RandomModel(kind);
        var (x0, t, z) = Batch();
        var loss = new DenoisingScoreMatchingLoss(new TimeSampling(), Weighting(weighting));
        using var _ = no_grad();
        var actual = loss.PerSampleLoss(model, x0, t, z).to_type(ScalarType.Float64);
        var expected = Expected(model, x0, t, z, Weighting(weighting), (s, xt, a, b, x00) => (s.Add(z / b)).Square(), (λ, a, b) => λ);
        AssertRelative(expected, actual, 2e-4);
    }

    [Theory]
    [InlineData(ParametrisationKind.Noise)]
    [InlineData(ParametrisationKind.Edm)]
    public void Denoiser_loss_equals_w_times_the_mean_squared_denoising_error(ParametrisationKind kind)
    {
        using var scope = NewDisposeScope();
        using var model = RandomModel(kind);
        var (x0, t, z) = Batch();
        var loss = new DenoiserLoss(new TimeSampling(), LossWeighting.Unit);
        using var _ = no_grad();
        var actual = loss.PerSampleLoss(model, x0, t, z).to_type(ScalarType.Float64);
        var expected = Expected(model, x0, t, z, LossWeighting.Unit,
            (s, xt, a, b, x00) => ((xt.Add(s * b.Square())) / a - x00).Square(), (w, a, b) => w);
        AssertRelative(expected, actual, 2e-4);
    }

    [Fact]
    public void Noise_parametrisation_with_b_squared_weighting_is_the_plain_epsilon_loss()
    {
        using var scope = NewDisposeScope();
        using var model = RandomModel(ParametrisationKind.Noise);
        var (x0, t, z) = Batch();
        var loss = new DenoisingScoreMatchingLoss(new TimeSampling(), LossWeighting.NoiseVariance);
        using var _ = no_grad();
        var actual = loss.PerSampleLoss(model, x0, t, z).to_type(ScalarType.Float64);
        var a = model.Process.A(t).unsqueeze(1);
        var b = model.Process.B(t).unsqueeze(1);
        var epsilon = model.NetworkOutput((x0 * a).Add(z * b), t).to_type(ScalarType.Float64);
        var expected = (epsilon - z).Square().mean([1]);
        AssertRelative(expected, actual, 1e-5);
    }

    [Fact]
    public void Sliced_score_matching_equals_the_projected_jacobian_plus_half_the_squared_norm()
    {
        // ℓ = λ·(1/D)·[vᵀ J_s v + ½‖s‖²] for one projection v, J_s the score Jacobian (computed column by column here)
        using var scope = NewDisposeScope();
        using var model = RandomModel(ParametrisationKind.Noise);
        var (x0, t, z) = Batch();
        using var generator = Seeds.Generator(Seed + 2);
        var v = randn(new long[] { 1, 32, 2 }, generator: generator);
        var loss = new SlicedScoreMatchingLoss(new TimeSampling(), LossWeighting.Unit);
        var actual = loss.PerSampleLoss(model, x0, t, z, v).detach().to_type(ScalarType.Float64);

        var a = model.Process.A(t).unsqueeze(1);
        var b = model.Process.B(t).unsqueeze(1);
        var xt = ((x0 * a).Add(z * b)).detach().requires_grad_(true);
        var s = model.Score(xt, t);
        var quadratic = zeros(32, dtype: ScalarType.Float64);
        var v64 = v[0].to_type(ScalarType.Float64);
        for (int j = 0; j < 2; j++)
        {
            var column = autograd.grad([s[.., j].sum()], [xt], retain_graph: true)[0]; // ∂s_j/∂x_k
            quadratic = quadratic.Add(v64[.., j] * (column * v64).sum(1));
        }
        var expected = quadratic.Add(s.detach().Square().sum(1).Multiply(0.5)).Divide(2);
        AssertRelative(expected, actual, 1e-3);
    }

    [Fact]
    public void Antithetic_pairs_share_data_and_time_and_average_the_two_noise_signs()
    {
        // With antithetic noise, sample i and i + B/2 share x₀ and t and use z and −z: the loss equals the plain
        // per-sample loss evaluated at those explicit pairs.
        using var scope = NewDisposeScope();
        using var model = RandomModel(ParametrisationKind.Edm);
        var (x0, _, _) = Batch();
        var loss = new DenoisingScoreMatchingLoss(new TimeSampling(), LossWeighting.NoiseVariance, antitheticNoise: true);
        using var generator = Seeds.Generator(Seed + 3);
        using var _ = no_grad();
        using var sample = loss.PerSampleLoss(model, x0, generator);

        using var replay = Seeds.Generator(Seed + 3);
        var t = new TimeSampling().Sample(16, replay);
        var z = randn(new long[] { 16, 2 }, dtype: ScalarType.Float64, generator: replay);
        var half = x0[..16];
        var expected = loss.PerSampleLoss(model, cat(new[] { half, half }, 0), cat(new[] { t, t }, 0), cat(new[] { z, -z }, 0));
        Assert.True(sample.Time[..16].equal(sample.Time[16..]).all().item<bool>(), "Paired samples should share their time.");
        Assert.True(sample.Loss.equal(expected).all().item<bool>(), "The antithetic loss should equal the loss at the explicit pairs.");
    }

    [Fact]
    public void Time_sampling_draws_lie_in_range_and_ddpm_indices_are_on_the_grid()
    {
        using var scope = NewDisposeScope();
        using var generator = Seeds.Generator(Seed);
        foreach (var kind in Enum.GetValues<TimeSamplingKind>())
        {
            var sampling = new TimeSampling(kind, 1e-3, 1.0, DdpmSteps: 10);
            var t = sampling.Sample(4096, generator);
            Assert.True(t.min().item<double>() >= 1e-3 && t.max().item<double>() <= 1.0, $"{kind} draws leave [1e-3, 1].");
            if (kind == TimeSamplingKind.DdpmIndices)
                Assert.True((t.Multiply(10) - (t.Multiply(10)).round()).abs().max().item<double>() < 1e-12, "DDPM times are not multiples of T/N.");
        }
    }

    static Tensor Expected(ScoreModel model, Tensor x0, Tensor t, Tensor z, LossWeighting weighting,
        Func<Tensor, Tensor, Tensor, Tensor, Tensor, Tensor> residual, Func<double, double, double, double> weight)
    {
        var a = model.Process.A(t).unsqueeze(1);
        var b = model.Process.B(t).unsqueeze(1);
        var xt = (x0 * a).Add(z * b);
        var s = model.Score(xt, t);
        var perSample = residual(s, xt, a, b, x0).mean([1]);
        var times = t.data<double>().ToArray();
        var w = times.Select(ti => weight(weighting.Weight(ti, model.Process.A(ti), model.Process.B(ti)), model.Process.A(ti), model.Process.B(ti))).ToArray();
        return perSample * tensor(w, dtype: ScalarType.Float64);
    }

    static void AssertRelative(Tensor expected, Tensor actual, double tolerance)
    {
        var relative = ((expected - actual).abs() / expected.abs().ClampMin(1e-12)).max().item<double>();
        Assert.True(relative <= tolerance, $"Max relative difference {relative:G3} > {tolerance:G1} (float32 network).");
    }
}
