using ScoreScope.Lattice;

namespace ScoreScope.Tests.Lattice;

/// <summary>The hopping-form action, its force and the bare-coupling conversions.</summary>
public sealed class PhiFourActionTests
{
    [Theory]
    [InlineData(1, 6)]
    [InlineData(2, 4)]
    [InlineData(3, 3)]
    [InlineData(2, 2)]
    public void Force_is_minus_the_gradient_of_the_action(int dimensions, int size)
    {
        var lattice = new HypercubicLattice(size, dimensions);
        var action = new PhiFourAction(lattice, new PhiFourCouplings(0.3, 0.05));
        var random = new Random(20261203);
        var field = Enumerable.Range(0, lattice.Volume).Select(_ => 2 * random.NextDouble() - 1).ToArray();
        var force = new double[lattice.Volume];
        action.Force(field, force);
        const double h = 1e-5;
        for (int x = 0; x < lattice.Volume; x++)
        {
            var plus = (double[])field.Clone();
            var minus = (double[])field.Clone();
            plus[x] += h;
            minus[x] -= h;
            double gradient = (action.Action(plus) - action.Action(minus)) / (2 * h);
            Assert.True(Math.Abs(force[x] + gradient) < 1e-8, $"site {x}: F = {force[x]}, −∂S/∂φ = {-gradient} (central difference, h = {h})");
        }
    }

    [Fact]
    public void Action_matches_the_hopping_form_written_with_coordinates()
    {
        // D = 2, L = 5 with explicit (i, j) neighbours, independent of the neighbour tables.
        const int L = 5;
        var lattice = new HypercubicLattice(L, 2);
        var couplings = new PhiFourCouplings(0.4, 0.022);
        var action = new PhiFourAction(lattice, couplings);
        var random = new Random(7);
        var field = Enumerable.Range(0, L * L).Select(_ => random.NextDouble() * 3 - 1.5).ToArray();
        double expected = 0;
        for (int i = 0; i < L; i++)
            for (int j = 0; j < L; j++)
            {
                double phi = field[i * L + j];
                double hop = field[(i + 1) % L * L + j] + field[i * L + (j + 1) % L];
                expected += -2 * couplings.Kappa * phi * hop + (1 - 2 * couplings.Lambda) * phi * phi + couplings.Lambda * Math.Pow(phi, 4);
            }
        Assert.Equal(expected, action.Action(field), 10);
        var actions = new double[1];
        action.Actions(field, 1, actions);
        Assert.Equal(expected, actions[0], 10);
    }

    [Fact]
    public void Bare_couplings_of_the_papers_point_match_the_science_note()
    {
        // docs/science/cumulants.md §6: κ = 0.4, λ = 0.022 in D = 2 gives (a m0)² = −1.61 and λ0 = 0.825.
        var couplings = new PhiFourCouplings(0.4, 0.022);
        Assert.Equal(-1.61, couplings.BareMassSquared(2), 12);
        Assert.Equal(0.825, couplings.BareQuartic, 12);
        var back = PhiFourCouplings.FromBare(couplings.BareMassSquared(2), couplings.BareQuartic, 2);
        Assert.Equal(0.4, back.Kappa, 12);
        Assert.Equal(0.022, back.Lambda, 12);
    }

    [Theory]
    [InlineData(0.25, 0.0, 2)]
    [InlineData(-0.25, 0.0, 2)]
    [InlineData(0.17, 0.0, 3)]
    [InlineData(0.2, -0.01, 2)]
    [InlineData(double.NaN, 0.1, 2)]
    public void Unstable_or_unbounded_couplings_are_rejected(double kappa, double lambda, int dimensions)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new PhiFourCouplings(kappa, lambda).Validate(dimensions));
        Assert.Contains(lambda < 0 ? "λ" : "κ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Neighbour_tables_are_periodic_and_inverse()
    {
        var lattice = new HypercubicLattice(4, 3);
        for (int mu = 0; mu < 3; mu++)
            for (int x = 0; x < lattice.Volume; x++)
            {
                Assert.Equal(x, lattice.Backward(mu)[lattice.Forward(mu)[x]]);
                Assert.Equal(lattice.Forward(mu)[x], lattice.Shift(x, mu, 1));
                Assert.Equal(x, lattice.Shift(x, mu, 4));
                Assert.Equal((lattice.Coordinate(x, mu) + 1) % 4, lattice.Coordinate(lattice.Forward(mu)[x], mu));
            }
    }
}
