namespace ScoreScope.Numerics;

/// <summary>
/// Error control of an adaptive ODE solver: a step is accepted when the scaled error estimate
/// ‖e / (atol + rtol·max(|y|, |y_new|))‖ ≤ 1 (Hairer, Nørsett &amp; Wanner, <i>Solving ODEs I</i>, §II.4, Eq. 4.10–4.11;
/// scipy <c>solve_ivp</c>). The norm is the root mean square over one sample's components, maximised over the batch (so
/// every sample meets the tolerance, not only the batch on average).
/// </summary>
/// <param name="Relative">rtol &gt; 0.</param>
/// <param name="Absolute">atol &gt; 0.</param>
/// <param name="MaximumSteps">Accepted plus rejected steps after which the solve fails, ≥ 1.</param>
public sealed record OdeTolerances(double Relative = 1e-5, double Absolute = 1e-5, int MaximumSteps = 100_000)
{
    /// <summary>Checks every field.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Naming the offending tolerance and its value.</exception>
    public void Validate()
    {
        if (!(Relative > 0) || !double.IsFinite(Relative))
            throw new ArgumentOutOfRangeException(nameof(Relative), Relative, "the relative tolerance rtol must be finite and > 0.");
        if (!(Absolute > 0) || !double.IsFinite(Absolute))
            throw new ArgumentOutOfRangeException(nameof(Absolute), Absolute, "the absolute tolerance atol must be finite and > 0.");
        if (MaximumSteps < 1)
            throw new ArgumentOutOfRangeException(nameof(MaximumSteps), MaximumSteps, "the step limit must be ≥ 1.");
    }
}
