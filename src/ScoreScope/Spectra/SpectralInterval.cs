namespace ScoreScope.Spectra;

/// <summary>
/// A closed interval [<see cref="Lower"/>, <see cref="Upper"/>] of the real line: one bulk of a limiting eigenvalue
/// distribution (e.g. the Marchenko–Pastur support [γ−, γ+]).
/// </summary>
/// <param name="Lower">The left edge.</param>
/// <param name="Upper">The right edge (≥ <paramref name="Lower"/>).</param>
public readonly record struct SpectralInterval(double Lower, double Upper)
{
    /// <summary>The interval's length, <see cref="Upper"/> − <see cref="Lower"/>.</summary>
    public double Width => Upper - Lower;

    /// <summary>Whether <paramref name="value"/> lies in the closed interval.</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;
}
