namespace ScoreScope.Processes;

/// <summary>
/// A noise-rate schedule β(t) ≥ 0 for variance-preserving processes, with its exact integral
/// B(t) = ∫₀ᵗ β(s) ds (Song et al. 2021, Eq. 11 and Appendix B).
/// </summary>
public abstract class BetaSchedule
{
    /// <summary>β(t).</summary>
    public abstract double Beta(double t);

    /// <summary>The integral B(t) = ∫₀ᵗ β(s) ds, in closed form.</summary>
    public abstract double Integral(double t);
}
