using ScoreScope.Data;

namespace ScoreScope.Lattice;

/// <summary>
/// The free lattice field (λ = 0 of the hopping-form action), exactly: a Gaussian with precision K, K_xx = 2,
/// K_{x,x±μ̂} = −2κ, i.e. propagator G̃(p) = 1/(2 − 4κ Σ_μ cos p_μ) on the momenta p_μ = 2πn_μ/L (stable for
/// |κ| &lt; 1/(2D)). Position-space G(r) = (1/V) Σ_p G̃(p) cos(p·r) (exact finite-volume sums), ⟨φ²⟩ = G(0),
/// V⟨M²⟩ = G̃(0), and the magnetisation M = (1/V)Σφ is N(0, G̃(0)/V), so ⟨|M|⟩ = √(2G̃(0)/(πV)),
/// χ = V(⟨M²⟩ − ⟨|M|⟩²) = G̃(0)(1 − 2/π) and the Binder cumulant U = 0. The field pushed through a forward process is
/// N(0, a²K⁻¹ + b²I): <see cref="Distribution"/> gives the exact score at every diffusion time.
/// </summary>
public sealed class FreeField
{
    readonly double[] _correlator;

    /// <summary>The free field with hopping parameter <paramref name="kappa"/> on <paramref name="lattice"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When |κ| ≥ 1/(2D).</exception>
    public FreeField(HypercubicLattice lattice, double kappa)
    {
        ArgumentNullException.ThrowIfNull(lattice);
        new PhiFourCouplings(kappa, 0).Validate(lattice.Dimensions);
        Lattice = lattice;
        Kappa = kappa;
        // G(x) for every site x (displacement from the origin): one sum over all V momenta per site.
        int volume = lattice.Volume, size = lattice.Size, dims = lattice.Dimensions;
        var propagator = new double[volume];
        var momentumCos = new double[size];
        for (int n = 0; n < size; n++) momentumCos[n] = Math.Cos(2 * Math.PI * n / size);
        for (int p = 0; p < volume; p++)
        {
            double sum = 0;
            for (int mu = 0; mu < dims; mu++) sum += momentumCos[lattice.Coordinate(p, mu)];
            propagator[p] = 1 / (2 - 4 * kappa * sum);
        }
        _correlator = new double[volume];
        for (int x = 0; x < volume; x++)
        {
            double g = 0;
            for (int p = 0; p < volume; p++)
            {
                long phase = 0;
                for (int mu = 0; mu < dims; mu++) phase += (long)lattice.Coordinate(p, mu) * lattice.Coordinate(x, mu);
                g += propagator[p] * momentumCos[(int)(phase % size)];
            }
            _correlator[x] = g / volume;
        }
        MomentumPropagatorAtZero = propagator[0];
    }

    /// <summary>The lattice.</summary>
    public HypercubicLattice Lattice { get; }

    /// <summary>κ.</summary>
    public double Kappa { get; }

    /// <summary>G̃(0) = 1/(2 − 4κD) = V⟨M²⟩.</summary>
    public double MomentumPropagatorAtZero { get; }

    /// <summary>⟨φ(x)²⟩ = G(0).</summary>
    public double FieldSquared => _correlator[0];

    /// <summary>G(r) = ⟨φ(x)φ(x + r μ̂)⟩ (the same along every axis; connected, since ⟨φ⟩ = 0).</summary>
    public double TwoPoint(int r) => _correlator[Lattice.Shift(0, Lattice.Dimensions - 1, r)];

    /// <summary>⟨φ(x)φ(y)⟩ for two sites.</summary>
    public double Covariance(int x, int y)
    {
        int displacement = 0;
        for (int mu = 0; mu < Lattice.Dimensions; mu++)
            displacement = Lattice.Shift(displacement, mu, Lattice.Coordinate(y, mu) - Lattice.Coordinate(x, mu));
        return _correlator[displacement];
    }

    /// <summary>⟨|M|⟩ = √(2G̃(0)/(πV)).</summary>
    public double AbsoluteMagnetisation => Math.Sqrt(2 * MomentumPropagatorAtZero / (Math.PI * Lattice.Volume));

    /// <summary>χ = V(⟨M²⟩ − ⟨|M|⟩²) = G̃(0)(1 − 2/π).</summary>
    public double Susceptibility => MomentumPropagatorAtZero * (1 - 2 / Math.PI);

    /// <summary>
    /// The free field as an exact Gaussian N(0, K⁻¹) on flattened fields [B, V] (row-major sites, the order of an
    /// [N, L, …, L] NPY array), whose <see cref="ExactDistribution.Score"/> at (a, b) is the exact score of the field
    /// pushed through any linear forward process. The caller disposes it.
    /// </summary>
    public GaussianDistribution Distribution()
    {
        int volume = Lattice.Volume;
        var covariance = new double[volume, volume];
        for (int x = 0; x < volume; x++)
            for (int y = 0; y < volume; y++) covariance[x, y] = Covariance(x, y);
        return GaussianDistribution.FromArrays(new double[volume], covariance);
    }
}
