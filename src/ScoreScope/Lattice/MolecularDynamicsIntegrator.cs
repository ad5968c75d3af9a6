namespace ScoreScope.Lattice;

/// <summary>The reversible, area-preserving integrators of the HMC molecular dynamics.</summary>
public enum MolecularDynamicsIntegrator
{
    /// <summary>Leapfrog (Störmer–Verlet, velocity form: half kick, drift, kick, …, half kick); error O(dt²) per trajectory (Duane et al. 1987).</summary>
    Leapfrog,

    /// <summary>
    /// Omelyan's second-order minimum-norm integrator (2MN: kick ξ, drift ½, kick 1 − 2ξ, drift ½, kick ξ with
    /// ξ = 0.1931833275037836; Omelyan, Mryglod, Folk 2003, Eq. 31; Takaishi &amp; de Forcrand 2006): two force
    /// evaluations per step and a ≈ 10× smaller error constant than leapfrog.
    /// </summary>
    Omelyan,
}
