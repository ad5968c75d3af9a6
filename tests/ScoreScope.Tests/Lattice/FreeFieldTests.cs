using MathNet.Numerics.LinearAlgebra;
using ScoreScope.Lattice;
using ScoreScope.Tests.Infrastructure;
using static TorchSharp.torch;

namespace ScoreScope.Tests.Lattice;

/// <summary>The exact free field against an independent dense inversion of the precision matrix.</summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class FreeFieldTests
{
    static Matrix<double> Precision(HypercubicLattice lattice, double kappa)
    {
        var k = Matrix<double>.Build.Dense(lattice.Volume, lattice.Volume);
        for (int x = 0; x < lattice.Volume; x++)
        {
            k[x, x] += 2;
            for (int mu = 0; mu < lattice.Dimensions; mu++)
            {
                k[x, lattice.Forward(mu)[x]] -= 2 * kappa;
                k[x, lattice.Backward(mu)[x]] -= 2 * kappa;
            }
        }
        return k;
    }

    [Theory]
    [InlineData(2, 6, 0.2)]
    [InlineData(3, 4, 0.15)]
    [InlineData(1, 7, -0.3)]
    public void Momentum_sums_equal_the_inverse_precision_matrix(int dimensions, int size, double kappa)
    {
        var lattice = new HypercubicLattice(size, dimensions);
        var free = new FreeField(lattice, kappa);
        var covariance = Precision(lattice, kappa).Inverse();
        for (int x = 0; x < lattice.Volume; x++)
            for (int y = 0; y < lattice.Volume; y++)
                Assert.True(Math.Abs(free.Covariance(x, y) - covariance[x, y]) < 1e-12, $"G({x}, {y}) = {free.Covariance(x, y)} vs K⁻¹ = {covariance[x, y]}");
        Assert.Equal(covariance[0, 0], free.FieldSquared, 12);
        Assert.Equal(covariance[0, lattice.Shift(0, 0, 2)], free.TwoPoint(2), 12);
        double chiFull = covariance.RowSums().Sum() / lattice.Volume; // V⟨M²⟩ = (1/V) Σ_xy G(x, y)
        Assert.Equal(chiFull, free.MomentumPropagatorAtZero, 10);
        Assert.Equal(chiFull * (1 - 2 / Math.PI), free.Susceptibility, 10);
    }

    [Fact]
    public void Exact_score_of_a_plane_wave_is_minus_the_plane_wave_over_the_pushed_propagator()
    {
        // x(s) = cos(p·s) is an eigenvector of the covariance a²K⁻¹ + b²I with eigenvalue a²G̃(p) + b², so the exact
        // score at (a, b) is −x/(a²G̃(p) + b²).
        var lattice = new HypercubicLattice(6, 2);
        const double kappa = 0.2, a = 0.8, b = 0.6;
        var free = new FreeField(lattice, kappa);
        using var distribution = free.Distribution();
        double p0 = 2 * Math.PI * 1 / 6, p1 = 2 * Math.PI * 2 / 6;
        var wave = new double[lattice.Volume];
        for (int s = 0; s < lattice.Volume; s++) wave[s] = Math.Cos(p0 * lattice.Coordinate(s, 0) + p1 * lattice.Coordinate(s, 1));
        double propagator = 1 / (2 - 4 * kappa * (Math.Cos(p0) + Math.Cos(p1)));
        using var x = tensor(wave, dtype: ScalarType.Float64).reshape(1, lattice.Volume);
        using var score = distribution.Score(x, a, b);
        var values = score.data<double>().ToArray();
        for (int s = 0; s < lattice.Volume; s++)
            Assert.True(Math.Abs(values[s] + wave[s] / (a * a * propagator + b * b)) < 1e-10, $"site {s}: {values[s]} vs {-wave[s] / (a * a * propagator + b * b)}");
    }
}
