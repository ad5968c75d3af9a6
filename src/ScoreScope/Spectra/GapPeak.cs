namespace ScoreScope.Spectra;

/// <summary>
/// The measured time of maximal visibility t_max of a gap (docs/science/spectral-gaps.md §2.3: Δ_inter(σ²) peaks at t_max = √(ab)):
/// the argmax of the gap width over a time grid, refined by the vertex of the parabola through the maximum and its two
/// neighbours in log σ².
/// </summary>
/// <param name="Time">The refined t_max (the grid argmax when the maximum is at an end of the grid).</param>
/// <param name="Width">The largest measured width on the grid.</param>
/// <param name="GridIndex">The grid position of the largest width.</param>
/// <param name="Refined">Whether the parabola refinement was applied (interior maximum with a concave parabola).</param>
public sealed record GapPeak(double Time, double Width, int GridIndex, bool Refined)
{
    /// <summary>Locates the peak of <paramref name="widths"/> over the positive, increasing <paramref name="times"/>.</summary>
    /// <exception cref="ArgumentException">When the arrays differ in length, are empty, or the times are not positive and increasing.</exception>
    public static GapPeak Locate(IReadOnlyList<double> times, IReadOnlyList<double> widths)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(widths);
        if (times.Count != widths.Count || times.Count == 0)
            throw new ArgumentException($"times ({times.Count}) and widths ({widths.Count}) must be non-empty and of equal length.", nameof(widths));
        for (int i = 0; i < times.Count; i++)
        {
            if (!(times[i] > 0) || (i > 0 && !(times[i] > times[i - 1])))
                throw new ArgumentException($"times must be positive and increasing; time {i} is {times[i]}.", nameof(times));
        }
        int best = 0;
        for (int i = 1; i < widths.Count; i++)
        {
            if (widths[i] > widths[best]) best = i;
        }
        if (best == 0 || best == widths.Count - 1)
            return new GapPeak(times[best], widths[best], best, false);
        double x0 = Math.Log(times[best - 1]), x1 = Math.Log(times[best]), x2 = Math.Log(times[best + 1]);
        double y0 = widths[best - 1], y1 = widths[best], y2 = widths[best + 1];
        // Vertex of the interpolating parabola (Newton divided differences).
        double d01 = (y1 - y0) / (x1 - x0), d12 = (y2 - y1) / (x2 - x1);
        double curvature = (d12 - d01) / (x2 - x0);
        if (!(curvature < 0))
            return new GapPeak(times[best], widths[best], best, false);
        double vertex = 0.5 * (x0 + x1) - d01 / (2 * curvature);
        vertex = Math.Clamp(vertex, x0, x2);
        return new GapPeak(Math.Exp(vertex), widths[best], best, true);
    }
}
