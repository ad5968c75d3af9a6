using ScoreScope.Data;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Scores;
using ScoreScope.Spectra;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Spectra;

public sealed class ScoreJacobiansTests
{
    const ulong Seed = 20241008;

    static SubspaceGaussianDistribution Manifold(int ambient = 100)
    {
        using var generator = Seeds.Generator(Seed); // held across the native calls (a temporary could be finalised during them)
        return SubspaceGaussianDistribution.RandomFactor(ambient, [new VarianceBlock(20, 1.0), new VarianceBlock(20, 0.3)], generator);
    }

    [Theory]
    [InlineData(true, 0.3)]
    [InlineData(false, 0.3)]
    public void Closed_form_Jacobian_equals_autograd_of_the_exact_score(bool varianceExploding, double t)
    {
        ForwardProcess process = varianceExploding ? VarianceExplodingProcess.Geometric() : VariancePreservingProcess.WithBetaRange();
        using var data = Manifold();
        using var scope = NewDisposeScope();
        using var points = Seeds.Generator(Seed + 1);
        using var noise = Seeds.Generator(Seed + 2);
        var x = data.Sample(8, points).Multiply(process.A(t)).Add(randn([8, 100], dtype: ScalarType.Float64, generator: noise).Multiply(process.B(t)));
        var exact = ScoreJacobians.Exact(data, process, t, 8);
        var automatic = ScoreJacobians.Autograd(data.ScoreFunction(process), x, t);
        double error = (exact - automatic).abs().max().item<double>() / exact.abs().max().item<double>();
        Assert.True(error < 1e-12, $"relative max |J_closed − J_autograd| = {error:G3}");
    }

    [Fact]
    public void Autograd_Jacobian_of_an_MLP_equals_central_finite_differences()
    {
        var config = new ScoreModelConfig([6], ForwardProcessSpec.VarianceExplodingGeometric(),
            new MlpOptions(Width: 32, Depth: 2, EmbeddingDimension: 16), ParametrisationKind.Edm, SigmaData: 1.0);
        using var model = ScoreModel.Create(config, Seed);
        using var scope = NewDisposeScope();
        const double t = 0.4, h = 1e-2;
        using var g = Seeds.Generator(Seed);
        var x = randn([5, 6], dtype: ScalarType.Float64, generator: g);
        var jacobian = ScoreJacobians.Autograd(model, x, t);
        // The network runs in float32, so the difference quotient has rounding error ~1e-7/h and truncation ~h².
        var eye6 = eye(6, dtype: ScalarType.Float64);
        var columns = Enumerable.Range(0, 6).Select(j =>
            (model.Score(x.Add(eye6[j].Multiply(h)), t) - model.Score(x - eye6[j].Multiply(h), t)).Divide(2 * h)).ToArray();
        var differences = stack(columns, 2);
        double scale = jacobian.abs().max().item<double>();
        double error = (jacobian - differences).abs().max().item<double>() / scale;
        Assert.True(scale > 1e-3, $"the Jacobian must not vanish (max |J| = {scale:G3})");
        Assert.True(error < 2e-3, $"relative max |J_autograd − J_fd| = {error:G3} (float32 network, h = {h})");
    }

    [Fact]
    public void A_non_differentiable_score_is_rejected_with_its_shape()
    {
        using var x = zeros(2, 3, dtype: ScalarType.Float64);
        var e = Assert.Throws<ArgumentException>(() => ScoreJacobians.Autograd(v => v.detach().Multiply(2), x));
        Assert.Contains("differentiable", e.Message);
    }
}
