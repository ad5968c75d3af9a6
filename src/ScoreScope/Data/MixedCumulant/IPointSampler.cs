namespace ScoreScope.Data.MixedCumulant;

/// <summary>
/// Draws independent points of a d-dimensional law into caller-owned float64 memory with a caller-owned generator,
/// without allocating, so that online training loops can draw a fresh sample every step at O(d) cost.
/// </summary>
public interface IPointSampler
{
    /// <summary>The dimension d.</summary>
    int Dimension { get; }

    /// <summary>Writes one draw into <paramref name="destination"/> (length d).</summary>
    /// <exception cref="ArgumentException">When the destination length is not d.</exception>
    void Sample(Span<double> destination, Random random);
}
