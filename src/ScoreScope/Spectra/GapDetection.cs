namespace ScoreScope.Spectra;

/// <summary>
/// Gaps of a sorted normalised spectrum (docs/science/spectral-gaps.md §2.2–2.3, §3): the spacings ν_{k+1} − ν_k that exceed a
/// resolution threshold Δ, and the widest gap in a range of positions (used to follow an intermediate gap over time).
/// </summary>
public static class GapDetection
{
    /// <summary>All gaps of width ≥ <paramref name="threshold"/> in the ascending <paramref name="spectrum"/>, widest first.</summary>
    /// <exception cref="ArgumentException">When the spectrum is not ascending or the threshold is not ≥ 0.</exception>
    public static IReadOnlyList<SpectralGap> Detect(IReadOnlyList<double> spectrum, double threshold)
    {
        Check(spectrum);
        if (!(threshold >= 0))
            throw new ArgumentException($"the gap threshold must be ≥ 0; got {threshold}.", nameof(threshold));
        var gaps = new List<SpectralGap>();
        for (int k = 0; k + 1 < spectrum.Count; k++)
        {
            if (spectrum[k + 1] - spectrum[k] >= threshold)
                gaps.Add(new SpectralGap(k, spectrum[k], spectrum[k + 1]));
        }
        return gaps.OrderByDescending(g => g.Width).ToArray();
    }

    /// <summary>
    /// The widest gap whose lower value sits at a zero-based position in [<paramref name="firstIndex"/>,
    /// <paramref name="lastIndex"/>] of the ascending <paramref name="spectrum"/>.
    /// </summary>
    /// <exception cref="ArgumentException">When the spectrum is not ascending or the range is empty or out of bounds.</exception>
    public static SpectralGap Widest(IReadOnlyList<double> spectrum, int firstIndex, int lastIndex)
    {
        Check(spectrum);
        if (firstIndex < 0 || lastIndex < firstIndex || lastIndex + 1 >= spectrum.Count)
            throw new ArgumentException(
                $"the gap positions [{firstIndex}, {lastIndex}] must satisfy 0 ≤ first ≤ last < {spectrum.Count - 1}.", nameof(firstIndex));
        int best = firstIndex;
        for (int k = firstIndex + 1; k <= lastIndex; k++)
        {
            if (spectrum[k + 1] - spectrum[k] > spectrum[best + 1] - spectrum[best]) best = k;
        }
        return new SpectralGap(best, spectrum[best], spectrum[best + 1]);
    }

    static void Check(IReadOnlyList<double> spectrum)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        for (int k = 0; k + 1 < spectrum.Count; k++)
        {
            if (!(spectrum[k + 1] >= spectrum[k]))
                throw new ArgumentException($"the spectrum must be ascending; value {k + 1} ({spectrum[k + 1]}) < value {k} ({spectrum[k]}).", nameof(spectrum));
        }
    }
}
