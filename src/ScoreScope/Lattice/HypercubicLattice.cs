namespace ScoreScope.Lattice;

/// <summary>
/// A periodic hypercubic lattice L^D (D = 1, 2, 3) with row-major site indices — the same order as a field stored as
/// an NPY array [N, L, …, L] — and neighbour tables x ± μ̂ for the hopping form of the φ⁴ action (Aarts et al.,
/// arXiv 2410.21212, §4; docs/science/cumulants.md, lattice section).
/// </summary>
public sealed class HypercubicLattice
{
    /// <summary>The largest supported dimension.</summary>
    public const int MaxDimensions = 3;

    readonly int[][] _forward;
    readonly int[][] _backward;

    /// <summary>Creates the lattice with <paramref name="size"/> sites per direction in <paramref name="dimensions"/> directions.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When L &lt; 2, D ∉ {1, 2, 3} or L^D overflows an int.</exception>
    public HypercubicLattice(int size, int dimensions)
    {
        if (size < 2) throw new ArgumentOutOfRangeException(nameof(size), size, "the lattice size L must be an integer ≥ 2.");
        if (dimensions < 1 || dimensions > MaxDimensions)
            throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, $"the dimension D must be 1, 2 or 3.");
        long volume = 1;
        for (int mu = 0; mu < dimensions; mu++) volume *= size;
        if (volume > int.MaxValue / 16) throw new ArgumentOutOfRangeException(nameof(size), size, $"L^D = {volume} sites is too large.");
        Size = size;
        Dimensions = dimensions;
        Volume = (int)volume;
        _forward = new int[dimensions][];
        _backward = new int[dimensions][];
        for (int mu = 0; mu < dimensions; mu++)
        {
            int stride = Stride(mu);
            _forward[mu] = new int[Volume];
            _backward[mu] = new int[Volume];
            for (int x = 0; x < Volume; x++)
            {
                int coordinate = x / stride % size;
                _forward[mu][x] = x + ((coordinate + 1) % size - coordinate) * stride;
                _backward[mu][x] = x + ((coordinate + size - 1) % size - coordinate) * stride;
            }
        }
    }

    /// <summary>L, the number of sites per direction.</summary>
    public int Size { get; }

    /// <summary>D, the number of directions.</summary>
    public int Dimensions { get; }

    /// <summary>V = L^D, the number of sites.</summary>
    public int Volume { get; }

    /// <summary>The shape of one configuration as stored on disk: [L, …, L] (D entries).</summary>
    public long[] Shape => Enumerable.Repeat((long)Size, Dimensions).ToArray();

    /// <summary>The site index step of direction μ (row-major: the last direction is contiguous).</summary>
    public int Stride(int mu)
    {
        int stride = 1;
        for (int nu = mu + 1; nu < Dimensions; nu++) stride *= Size;
        return stride;
    }

    /// <summary>The coordinate x_μ of site <paramref name="site"/>.</summary>
    public int Coordinate(int site, int mu) => site / Stride(mu) % Size;

    /// <summary>The table x ↦ x + μ̂ (periodic).</summary>
    public ReadOnlySpan<int> Forward(int mu) => _forward[mu];

    /// <summary>The table x ↦ x − μ̂ (periodic).</summary>
    public ReadOnlySpan<int> Backward(int mu) => _backward[mu];

    /// <summary>The site x + r·μ̂ (periodic, any integer r).</summary>
    public int Shift(int site, int mu, int r)
    {
        int stride = Stride(mu);
        int coordinate = site / stride % Size;
        int shifted = ((coordinate + r) % Size + Size) % Size;
        return site + (shifted - coordinate) * stride;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Size}^{Dimensions} periodic lattice";
}
