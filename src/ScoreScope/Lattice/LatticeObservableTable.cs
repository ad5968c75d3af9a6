namespace ScoreScope.Lattice;

/// <summary>The observables of one ensemble (see <see cref="LatticeObservables"/>), in a fixed order, by name.</summary>
/// <param name="Rows">The estimates.</param>
/// <param name="Count">N, the configurations measured.</param>
/// <param name="Replicas">R, the chains.</param>
/// <param name="JackknifeBlockSize">Configurations per jackknife block.</param>
/// <param name="JackknifeBlocks">The number of jackknife blocks.</param>
public sealed record LatticeObservableTable(IReadOnlyList<LatticeObservableEstimate> Rows, int Count, int Replicas, long JackknifeBlockSize, int JackknifeBlocks)
{
    /// <summary>The row named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">When there is no such observable.</exception>
    public LatticeObservableEstimate this[string name] =>
        Rows.FirstOrDefault(r => r.Name == name) ?? throw new KeyNotFoundException($"no observable '{name}'; have {string.Join(", ", Rows.Select(r => r.Name))}.");
}
