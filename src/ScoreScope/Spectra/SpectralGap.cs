namespace ScoreScope.Spectra;

/// <summary>
/// A gap in a sorted normalised spectrum ν₁ ≤ … ≤ ν_D (docs/science/spectral-gaps.md §2.2–2.3): between ν_Index and ν_{Index+1}
/// (zero-based), so Index + 1 values lie below it.
/// </summary>
/// <param name="Index">The zero-based position of the value just below the gap.</param>
/// <param name="Lower">The value below the gap.</param>
/// <param name="Upper">The value above the gap.</param>
public sealed record SpectralGap(int Index, double Lower, double Upper)
{
    /// <summary>The number of spectral values below the gap (Index + 1): for the exact linear manifold the manifold gap
    /// has D − d below it and an intermediate gap D − d + (dimensions of the lower-variance blocks).</summary>
    public int CountBelow => Index + 1;

    /// <summary>The gap width Upper − Lower.</summary>
    public double Width => Upper - Lower;
}
