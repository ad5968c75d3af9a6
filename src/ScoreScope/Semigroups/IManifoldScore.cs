namespace ScoreScope.Semigroups;

/// <summary>A time-dependent score on a manifold: the Riemannian gradient ∇log ρ_t(x), a tangent vector at x.</summary>
public interface IManifoldScore
{
    /// <summary>Writes s_t(x) into <paramref name="score"/> and returns log ρ_t(x) (w.r.t. the uniform probability).</summary>
    double Score(double time, ReadOnlySpan<double> x, Span<double> score);
}
