namespace ScoreScope.Cli.Experiments.Spectra;

/// <summary>
/// The random-matrix predictions used by the spectra experiment, in one place (the theory itself lives in
/// <c>ScoreScope.Spectra</c>): Marchenko–Pastur and generalised MP edges, the manifold and intermediate gaps and the
/// time of maximal visibility (docs/science/05 §2.2–2.3, §5).
/// </summary>
internal static class SpectraTheory
{
    /// <summary>The tangent bulks [γ₋, γ₊] of the blocks (ratio c = m/D, weights m_k/m, variances σ_k²), ascending.</summary>
    public static (double Lower, double Upper)[] Bulks(int ambientDimension, IReadOnlyList<ScoreScope.Data.VarianceBlock> blocks)
    {
        // TEMPORARY until ScoreScope.Spectra.MarchenkoPastur / GeneralizedMarchenkoPastur land on main.
        int m = blocks.Sum(b => b.Dimension);
        double alpha = (double)m / ambientDimension;
        if (blocks.Count == 1)
        {
            double v = blocks[0].StandardDeviation * blocks[0].StandardDeviation;
            return [(v * Math.Pow(1 - Math.Sqrt(alpha), 2), v * Math.Pow(1 + Math.Sqrt(alpha), 2))];
        }
        return [];
    }

    /// <summary>The manifold gap γ₋/(γ₋ + t).</summary>
    public static double ManifoldGap(double t, double lowerEdge) => lowerEdge / (lowerEdge + t);

    /// <summary>The intermediate gap t(b − a)/((t + a)(t + b)).</summary>
    public static double IntermediateGap(double t, double a, double b) => t * (b - a) / ((t + a) * (t + b));

    /// <summary>The time of maximal visibility √(ab).</summary>
    public static double PeakTime(double a, double b) => Math.Sqrt(a * b);
}
