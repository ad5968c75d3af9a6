using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Lattice;

/// <summary>
/// The target of exact correction for lattice φ⁴ in the units a diffusion model of <c>reproduce phi4</c> works in: fields
/// φ' = N(φ) min–max normalised to [−1, 1] (<see cref="FieldNormalisation"/>), laid out as tensors [N, 1, L, …, L] (sites
/// row-major, as <see cref="HypercubicLattice"/>). Its unnormalised log-density is that of e^{−S[φ]} carried through the
/// affine map, log π'(φ') = −S[N⁻¹(φ')] + V·log((max − min)/2) (docs/science/cumulants.md §6, "Exact correction"; the
/// hopping-form action of Aarts et al., arXiv 2410.21212, §4). The Jacobian term is a constant: it cancels in Metropolis
/// ratios and normalised importance weights but makes log mean weight an estimate of log Z − log Z_q in physical units.
/// </summary>
public sealed class PhiFourTarget
{
    /// <summary>Binds the action and the normalisation of the model's training data.</summary>
    public PhiFourTarget(PhiFourAction action, FieldNormalisation normalisation)
    {
        Action = action ?? throw new ArgumentNullException(nameof(action));
        Normalisation = normalisation ?? throw new ArgumentNullException(nameof(normalisation));
    }

    /// <summary>The action S (lattice and couplings).</summary>
    public PhiFourAction Action { get; }

    /// <summary>The map φ ↦ φ' the model was trained in.</summary>
    public FieldNormalisation Normalisation { get; }

    /// <summary>The event shape of a model of these fields: [1, L, …, L] (one channel, D sides).</summary>
    public long[] EventShape => [1, .. Enumerable.Repeat((long)Action.Lattice.Size, Action.Lattice.Dimensions)];

    /// <summary>The constant V·log((max − min)/2) of the change of variables φ' → φ.</summary>
    public double LogJacobian => Action.Lattice.Volume * Normalisation.LogJacobianPerSite;

    /// <summary>The physical fields φ = N⁻¹(φ') of a batch [N, …] with V values per row, as N·V doubles (row after row).</summary>
    /// <exception cref="ArgumentException">When a row does not hold V values.</exception>
    public double[] PhysicalFields(Tensor normalised)
    {
        ArgumentNullException.ThrowIfNull(normalised);
        int volume = Action.Lattice.Volume;
        if (normalised.dim() < 2 || Shapes.EventSize(normalised) != volume)
            throw new ArgumentException($"expected fields [N, …] with V = {volume} values per row for {Action.Lattice}; got {Shapes.Format(normalised)}.", nameof(normalised));
        using var scope = NewDisposeScope();
        var values = normalised.to_type(ScalarType.Float64).cpu().contiguous().reshape(-1).data<double>().ToArray();
        for (int i = 0; i < values.Length; i++) values[i] = Normalisation.Inverse(values[i]);
        return values;
    }

    /// <summary>log π'(φ') = −S[N⁻¹(φ')] + V·log((max − min)/2) per row of a batch [N, …]; [N] float64 on the CPU.</summary>
    /// <exception cref="ArgumentException">When a row does not hold V values.</exception>
    public Tensor LogDensity(Tensor normalised)
    {
        var fields = PhysicalFields(normalised);
        int volume = Action.Lattice.Volume, count = fields.Length / volume;
        var logDensity = new double[count];
        for (int i = 0; i < count; i++) logDensity[i] = -Action.Action(fields.AsSpan(i * volume, volume)) + LogJacobian;
        return tensor(logDensity, dtype: ScalarType.Float64);
    }
}
