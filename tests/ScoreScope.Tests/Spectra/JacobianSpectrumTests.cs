using ScoreScope.Data;
using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Spectra;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Spectra;

public sealed class JacobianSpectrumTests
{
    const ulong Seed = 20241008;

    // docs/science/spectral-gaps.md §5 oracle 2: eigenvalues of b²J are −1 (D − d times) and −t/(t + λ_i), t = b²/a².
    [Theory]
    [InlineData(true, 0.05)]
    [InlineData(true, 0.6)]
    [InlineData(false, 0.05)]
    [InlineData(false, 0.6)]
    public void Normalised_eigenvalues_are_minus_one_and_minus_t_over_t_plus_lambda(bool varianceExploding, double time)
    {
        ForwardProcess process = varianceExploding ? VarianceExplodingProcess.Geometric() : VariancePreservingProcess.WithBetaRange();
        using var data = SubspaceGaussianDistribution.RandomFactor(100, [new VarianceBlock(40, 1.0)], Seeds.Generator(Seed));
        using var scope = NewDisposeScope();
        double a = process.A(time), b = process.B(time), t = b * b / (a * a);
        var nu = JacobianSpectrum.NormalisedEigenvalues(ScoreJacobians.Exact(data, process, time, 1), b * b)[0].data<double>().ToArray();
        var lambda = data.CovarianceEigenvalues.data<double>().ToArray();
        var expected = Enumerable.Repeat(-1.0, 60).Concat(lambda.Select(l => -t / (t + l))).Order().ToArray();
        double error = nu.Zip(expected, (x, y) => Math.Abs(x - y)).Max();
        Assert.True(error < 1e-8, $"max |ν − ν_exact| = {error:G3} at t = {t:G4}");
        var sv = JacobianSpectrum.NormalisedSingularValues(ScoreJacobians.Exact(data, process, time, 1), b * b)[0].data<double>().ToArray();
        double svError = sv.Zip(expected.Select(v => -v).Order(), (x, y) => Math.Abs(x - y)).Max();
        Assert.True(svError < 1e-8, $"max |s − |ν_exact|| = {svError:G3}");
    }

    [Fact]
    public void Covariance_eigenvalues_follow_the_blocks_and_the_manifold_dimension()
    {
        using var data = SubspaceGaussianDistribution.RandomFactor(100, [new VarianceBlock(20, 1.0), new VarianceBlock(20, 0.3)], Seeds.Generator(Seed));
        var lambda = data.CovarianceEigenvalues.data<double>().ToArray();
        Assert.Equal(40, lambda.Length);
        Assert.Equal((40, 100), (data.IntrinsicDimension, data.AmbientDimension));
        // Detached bulks (docs/science/spectral-gaps.md §5 oracle 8, finite size d = 100: 0.020, 0.147 | 0.370, 1.983 averaged).
        Assert.True(lambda[19] < 0.25 && lambda[20] > 0.25, $"inner edges a = {lambda[19]:G4}, b = {lambda[20]:G4} must straddle 0.25");
    }

    [Fact]
    public void Bad_shapes_are_rejected_with_the_shape()
    {
        using var j = zeros(3, 4, dtype: ScalarType.Float64);
        var e = Assert.Throws<ArgumentException>(() => JacobianSpectrum.NormalisedEigenvalues(j, 1));
        Assert.Contains("[3, 4]", e.Message);
    }
}
