namespace ScoreScope.Semigroups;

/// <summary>A time-dependent score on a manifold: the Riemannian gradient ∇log ρ_t(x), a tangent vector at x.</summary>
public interface IManifoldScore
{
    /// <summary>Writes s_t(x) into <paramref name="score"/> and returns log ρ_t(x) (w.r.t. the uniform probability).</summary>
    double Score(double time, ReadOnlySpan<double> x, Span<double> score);

    /// <summary>
    /// The scores and log-densities of Q points at one time t: <paramref name="queries"/> and <paramref name="scores"/>
    /// are Q × n row-major (n the ambient dimension, Q = <paramref name="logDensities"/>.Length). The default loops the
    /// one-point overload; a score with a faster batched evaluation (e.g. <see cref="SphereKernelSmoothingScore"/>)
    /// implements this overload itself, and <see cref="ManifoldReverseSampler"/> calls it once per time step.
    /// </summary>
    /// <exception cref="ArgumentException">For no queries or lengths that are not Q × n, Q × n and Q.</exception>
    void Score(double time, ReadOnlyMemory<double> queries, Memory<double> scores, Memory<double> logDensities)
    {
        int count = logDensities.Length;
        if (count == 0 || queries.Length % count != 0 || queries.Length == 0)
            throw new ArgumentException($"queries need Q × n coordinates with Q = logDensities.Length = {count} ≥ 1; got {queries.Length}.", nameof(queries));
        if (scores.Length != queries.Length) throw new ArgumentException($"scores need length {queries.Length}; got {scores.Length}.", nameof(scores));
        int n = queries.Length / count;
        var x = queries.Span;
        var s = scores.Span;
        var log = logDensities.Span;
        for (int q = 0; q < count; q++) log[q] = Score(time, x.Slice(q * n, n), s.Slice(q * n, n));
    }
}
