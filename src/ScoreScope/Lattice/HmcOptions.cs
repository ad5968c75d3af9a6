namespace ScoreScope.Lattice;

/// <summary>Settings of one HMC trajectory: integrator, number of molecular-dynamics steps and step size dt.</summary>
/// <param name="Steps">Molecular-dynamics steps per trajectory (the DMasSQ code: 100).</param>
/// <param name="StepSize">dt (the DMasSQ code: 0.01, trajectory length 1).</param>
/// <param name="Integrator">Leapfrog or Omelyan 2MN.</param>
public sealed record HmcOptions(int Steps = 10, double StepSize = 0.1, MolecularDynamicsIntegrator Integrator = MolecularDynamicsIntegrator.Leapfrog)
{
    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For steps &lt; 1 or a non-positive or non-finite dt.</exception>
    public void Validate()
    {
        if (Steps < 1) throw new ArgumentOutOfRangeException(nameof(Steps), Steps, "molecular-dynamics steps must be ≥ 1.");
        if (!double.IsFinite(StepSize) || StepSize <= 0) throw new ArgumentOutOfRangeException(nameof(StepSize), StepSize, "dt must be a finite number > 0.");
    }
}
