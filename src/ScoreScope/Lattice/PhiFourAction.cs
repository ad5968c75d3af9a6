using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ScoreScope.Lattice;

/// <summary>
/// The hopping-form φ⁴ action S = Σ_x [ −2κ Σ_μ φ(x)φ(x+μ̂) + (1 − 2λ) φ(x)² + λ φ(x)⁴ ] on a
/// <see cref="HypercubicLattice"/> and its force F(x) = −∂S/∂φ(x) = 2κ Σ_μ [φ(x+μ̂) + φ(x−μ̂)] − 2(1 − 2λ)φ(x) − 4λφ(x)³
/// (Aarts et al., arXiv 2410.21212, §4). Plain float64 arrays, no TorchSharp. Single configurations are [V] (row-major
/// sites); an ensemble of C chains is stored site-major as [V, C] (chain index fastest), so that every update is
/// vectorised across chains with <see cref="Vector{T}"/>.
/// </summary>
public sealed class PhiFourAction
{
    /// <summary>Creates the action of <paramref name="couplings"/> on <paramref name="lattice"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the couplings are not valid in the lattice's dimension.</exception>
    public PhiFourAction(HypercubicLattice lattice, PhiFourCouplings couplings)
    {
        ArgumentNullException.ThrowIfNull(lattice);
        couplings.Validate(lattice.Dimensions);
        Lattice = lattice;
        Couplings = couplings;
    }

    /// <summary>The lattice.</summary>
    public HypercubicLattice Lattice { get; }

    /// <summary>The couplings (κ, λ).</summary>
    public PhiFourCouplings Couplings { get; }

    /// <summary>S[φ] of one configuration [V].</summary>
    public double Action(ReadOnlySpan<double> field)
    {
        CheckLength(field.Length, 1, nameof(field));
        double kappa = Couplings.Kappa, lambda = Couplings.Lambda, sum = 0;
        for (int x = 0; x < Lattice.Volume; x++)
        {
            double phi = field[x], hop = 0;
            for (int mu = 0; mu < Lattice.Dimensions; mu++) hop += field[Lattice.Forward(mu)[x]];
            double phi2 = phi * phi;
            sum += -2 * kappa * phi * hop + (1 - 2 * lambda) * phi2 + lambda * phi2 * phi2;
        }
        return sum;
    }

    /// <summary>Writes F = −∂S/∂φ of one configuration [V] into <paramref name="force"/> [V].</summary>
    public void Force(ReadOnlySpan<double> field, Span<double> force)
    {
        CheckLength(field.Length, 1, nameof(field));
        CheckLength(force.Length, 1, nameof(force));
        force.Clear();
        AddForce(field, force, chains: 1, scale: 1);
    }

    /// <summary>S of every chain of an ensemble [V, C], written to <paramref name="actions"/> [C].</summary>
    public void Actions(ReadOnlySpan<double> fields, int chains, Span<double> actions)
    {
        CheckLength(fields.Length, chains, nameof(fields));
        if (actions.Length != chains) throw new ArgumentException($"actions has {actions.Length} entries; expected {chains}.", nameof(actions));
        double kappa = Couplings.Kappa, lambda = Couplings.Lambda;
        actions.Clear();
        for (int x = 0; x < Lattice.Volume; x++)
        {
            int row = x * chains;
            for (int c = 0; c < chains; c++)
            {
                double phi = fields[row + c], hop = 0;
                for (int mu = 0; mu < Lattice.Dimensions; mu++) hop += fields[Lattice.Forward(mu)[x] * chains + c];
                double phi2 = phi * phi;
                actions[c] += -2 * kappa * phi * hop + (1 - 2 * lambda) * phi2 + lambda * phi2 * phi2;
            }
        }
    }

    /// <summary>
    /// The momentum update of molecular dynamics for an ensemble [V, C]: p += ε·F(φ), vectorised across chains.
    /// </summary>
    public void AddForce(ReadOnlySpan<double> fields, Span<double> momenta, int chains, double scale)
    {
        CheckLength(fields.Length, chains, nameof(fields));
        CheckLength(momenta.Length, chains, nameof(momenta));
        double twoKappa = 2 * Couplings.Kappa * scale;
        double mass = 2 * (1 - 2 * Couplings.Lambda) * scale;
        double quartic = 4 * Couplings.Lambda * scale;
        var vTwoKappa = new Vector<double>(twoKappa);
        var vMass = new Vector<double>(mass);
        var vQuartic = new Vector<double>(quartic);
        int width = Vector<double>.Count;
        int vectorEnd = chains - chains % width;
        int dims = Lattice.Dimensions;
        ref double f0 = ref MemoryMarshal.GetReference(fields);
        ref double p0 = ref MemoryMarshal.GetReference(momenta);
        Span<int> neighbours = stackalloc int[2 * HypercubicLattice.MaxDimensions];
        for (int x = 0; x < Lattice.Volume; x++)
        {
            for (int mu = 0; mu < dims; mu++)
            {
                neighbours[2 * mu] = Lattice.Forward(mu)[x] * chains;
                neighbours[2 * mu + 1] = Lattice.Backward(mu)[x] * chains;
            }
            int row = x * chains;
            int c = 0;
            for (; c < vectorEnd; c += width)
            {
                var hop = Vector.LoadUnsafe(ref f0, (nuint)(neighbours[0] + c)) + Vector.LoadUnsafe(ref f0, (nuint)(neighbours[1] + c));
                for (int k = 2; k < 2 * dims; k++) hop += Vector.LoadUnsafe(ref f0, (nuint)(neighbours[k] + c));
                var phi = Vector.LoadUnsafe(ref f0, (nuint)(row + c));
                var p = Vector.LoadUnsafe(ref p0, (nuint)(row + c));
                p += vTwoKappa * hop - phi * (vMass + vQuartic * phi * phi);
                p.StoreUnsafe(ref p0, (nuint)(row + c));
            }
            for (; c < chains; c++)
            {
                double hop = 0;
                for (int k = 0; k < 2 * dims; k++) hop += Unsafe.Add(ref f0, neighbours[k] + c);
                double phi = Unsafe.Add(ref f0, row + c);
                Unsafe.Add(ref p0, row + c) += twoKappa * hop - phi * (mass + quartic * phi * phi);
            }
        }
    }

    void CheckLength(int length, int chains, string name)
    {
        if (chains < 1) throw new ArgumentOutOfRangeException(nameof(chains), chains, "need at least one chain.");
        if (length != (long)Lattice.Volume * chains)
            throw new ArgumentException($"{name} has {length} values; expected V·C = {Lattice.Volume}·{chains} for {Lattice} and {chains} chain(s).", name);
    }
}
