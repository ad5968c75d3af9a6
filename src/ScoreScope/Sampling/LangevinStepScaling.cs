namespace ScoreScope.Sampling;

/// <summary>The factor α in the Langevin corrector's step size ε = 2α(r‖z‖/‖s‖)² (Song et al. 2021, Algorithms 4–5).</summary>
public enum LangevinStepScaling
{
    /// <summary>α = 1, as score_sde uses for VE (Algorithm 4) and every non-VP process.</summary>
    Unit,

    /// <summary>
    /// α_i = a(t_i | t_{i+1})² = (a(t_i)/a(t_{i+1}))², the signal-variance ratio across the step. For VP this is DDPM's
    /// α_i = 1 − β_i on the sampler's own grid (score_sde's VP corrector, Algorithm 5, uses the α of its 1000-step
    /// discretisation); for VE a(t) = 1 and it equals 1.
    /// </summary>
    SignalRatio,
}
