using ScoreScope.Data;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Data;

public sealed class SubspaceGaussianDistributionTests
{
    static readonly VariancePreservingProcess OrnsteinUhlenbeck = VariancePreservingProcess.OrnsteinUhlenbeck(1);

    // docs/science/singular-scores.md §5.2: N(0, 1) on the x-axis in R², x = (0.7, 0.3): t·S_normal → 0.3, S_tangent = 0.7 exactly.
    [Theory]
    [InlineData(1e-1, 0.31525)]
    [InlineData(1e-2, 0.30150)]
    [InlineData(1e-3, 0.30015)]
    [InlineData(1e-4, 0.300015)]
    public void Normal_part_blows_up_like_distance_over_t_and_tangent_part_is_exact(double t, double expected)
    {
        using var p = SubspaceGaussianDistribution.Line(0, 1);
        using var x = tensor(new[] { 0.7, 0.3 }, dtype: ScalarType.Float64).reshape(1, 2);
        using var s = p.Score(x, OrnsteinUhlenbeck.A(t), OrnsteinUhlenbeck.B(t));
        double normal = -t * s[0, 1].item<double>(), tangent = -s[0, 0].item<double>();
        // Exact: t·S_n = 0.3·t/(1 − e^{−t}); the table is rounded to 5–6 digits.
        Assert.Equal(0.3 * t / -double.ExpM1(-t), normal, 7);
        Assert.True(Math.Abs(normal - expected) < 5e-6, $"t = {t}: t·S_normal = {normal:R}, table {expected}");
        Assert.Equal(0.7, tangent, 14);
    }

    [Fact]
    public void Distance_projection_and_tangent_projector_follow_the_subspace()
    {
        using var p = SubspaceGaussianDistribution.Line(Math.PI / 4, 2);
        using var x = tensor(new[] { 1.0, 0.0 }, dtype: ScalarType.Float64).reshape(1, 2);
        Assert.Equal(Math.Sqrt(0.5), p.Distance(x)[0].item<double>(), 14);
        Assert.Equal(0.5, p.Project(x)[0, 1].item<double>(), 14);
        Assert.Equal(0.5, p.TangentProjector(x)[0, 0, 1].item<double>(), 14);
        Assert.Equal((1, 2), (p.IntrinsicDimension, p.AmbientDimension));
    }

    [Fact]
    public void Non_orthonormal_basis_is_rejected()
    {
        using var u = tensor(new[] { 1.0, 1.0 }, dtype: ScalarType.Float64).reshape(2, 1);
        using var c = ones(1, 1, dtype: ScalarType.Float64);
        var e = Assert.Throws<ArgumentException>(() => new SubspaceGaussianDistribution(u, c));
        Assert.Contains("orthonormal", e.Message);
    }

    [Fact]
    public void Random_factor_rejects_a_manifold_as_large_as_the_ambient_space_naming_both_dimensions()
    {
        using var generator = ScoreScope.Numerics.Seeds.Generator(5);
        var e = Assert.Throws<ArgumentException>(() =>
            SubspaceGaussianDistribution.RandomFactor(10, [new VarianceBlock(6, 1.0), new VarianceBlock(4, 0.3)], generator));
        Assert.Contains("m = 10", e.Message);
        Assert.Contains("D = 10", e.Message);
        Assert.Throws<ArgumentException>(() => SubspaceGaussianDistribution.RandomFactor(10, [new VarianceBlock(2, -1.0)], generator));
    }

    [Fact]
    public void Random_factor_score_jacobian_is_minus_the_inverse_of_the_noisy_covariance()
    {
        using var generator = ScoreScope.Numerics.Seeds.Generator(6);
        using var p = SubspaceGaussianDistribution.RandomFactor(12, [new VarianceBlock(5, 1.0)], generator);
        using var scope = NewDisposeScope();
        const double a = 0.8, b = 0.5;
        var noisy = p.Covariance.Multiply(a * a).Add(eye(12, dtype: ScalarType.Float64).Multiply(b * b));
        double error = (p.ScoreJacobian(a, b).matmul(noisy).Add(eye(12, dtype: ScalarType.Float64))).abs().max().item<double>();
        Assert.True(error < 1e-12, $"max |J(a²C + b²I) + I| = {error:G3}");
        Assert.Equal(5, p.CovarianceEigenvalues.shape[0]);
    }
}
