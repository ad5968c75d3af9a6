namespace ScoreScope.Lattice;

/// <summary>
/// N lattice configurations [N, V] (row-major sites, the layout of an NPY array [N, L, …, L]) made of R Markov chains
/// stored one after the other (N/R configurations each, in Monte Carlo order) — HMC output, a diffusion model's
/// samples (R = 1: independent draws are one chain with τ_int = ½) or any field file. Validated on construction: finite values, N·V entries.
/// </summary>
public sealed class FieldEnsemble
{
    /// <summary>Wraps <paramref name="values"/> (not copied).</summary>
    /// <exception cref="ArgumentException">When the length is not N·V, N is not a multiple of R, or a value is NaN or infinite.</exception>
    public FieldEnsemble(double[] values, HypercubicLattice lattice, int replicas = 1)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(lattice);
        if (values.Length == 0 || values.Length % lattice.Volume != 0)
            throw new ArgumentException($"{values.Length} values are not a whole number N ≥ 1 of configurations of {lattice.Volume} sites ({lattice}).", nameof(values));
        int count = values.Length / lattice.Volume;
        if (replicas < 1 || count % replicas != 0)
            throw new ArgumentException($"{count} configurations cannot be split into {replicas} chains of equal length.", nameof(replicas));
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
                throw new ArgumentException($"value {values[i]} at configuration {i / lattice.Volume}, site {i % lattice.Volume} is not finite.", nameof(values));
        }
        Values = values;
        Lattice = lattice;
        Replicas = replicas;
        Count = count;
    }

    /// <summary>The values [N, V].</summary>
    public double[] Values { get; }

    /// <summary>The lattice.</summary>
    public HypercubicLattice Lattice { get; }

    /// <summary>R, the number of chains (each N/R consecutive configurations).</summary>
    public int Replicas { get; }

    /// <summary>N, the number of configurations.</summary>
    public int Count { get; }

    /// <summary>Configuration <paramref name="index"/> [V].</summary>
    public ReadOnlySpan<double> Configuration(int index) => Values.AsSpan(index * Lattice.Volume, Lattice.Volume);

    /// <summary>This ensemble with every value mapped by <paramref name="normalisation"/> (a new array).</summary>
    public FieldEnsemble Normalised(FieldNormalisation normalisation)
    {
        ArgumentNullException.ThrowIfNull(normalisation);
        return new FieldEnsemble(Values.Select(normalisation.Forward).ToArray(), Lattice, Replicas);
    }
}
