using ScoreScope.Lattice;

namespace ScoreScope.Tests.Lattice;

/// <summary>
/// HMC on the free field D = 2, L = 16, κ = 0.2 (issue 14 acceptance): integrator reversibility, ⟨ΔH²⟩ ∝ dt⁴,
/// ⟨e^{−ΔH}⟩ = 1 at every dt, and ⟨φ²⟩, G(r ≤ 8), χ against the exact propagator sums.
/// </summary>
public sealed class HybridMonteCarloTests
{
    static readonly HypercubicLattice Lattice16 = new(16, 2);
    static readonly PhiFourAction FreeAction = new(Lattice16, new PhiFourCouplings(0.2, 0));

    [Theory]
    [InlineData(MolecularDynamicsIntegrator.Leapfrog, 0.0)]
    [InlineData(MolecularDynamicsIntegrator.Omelyan, 0.0)]
    [InlineData(MolecularDynamicsIntegrator.Leapfrog, 0.022)]
    public void Forward_then_momentum_flipped_backward_returns_the_field_to_1e_12(MolecularDynamicsIntegrator integrator, double lambda)
    {
        var action = new PhiFourAction(Lattice16, new PhiFourCouplings(0.2, lambda));
        var hmc = new HybridMonteCarlo(action, chains: 6, seed: 11, new HmcOptions(20, 0.05, integrator));
        var random = new ChainRandom(12);
        var fields = (double[])hmc.Fields.Clone();
        var momenta = fields.Select(_ => random.NextGaussian()).ToArray();
        var start = (double[])fields.Clone();
        hmc.Integrate(fields, momenta, hmc.Options);
        for (int i = 0; i < momenta.Length; i++) momenta[i] = -momenta[i];
        hmc.Integrate(fields, momenta, hmc.Options);
        double worst = fields.Zip(start, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst <= 1e-12, $"max |φ − φ₀| after forward + backward = {worst:G3}");
    }

    [Theory]
    [InlineData(MolecularDynamicsIntegrator.Leapfrog)]
    [InlineData(MolecularDynamicsIntegrator.Omelyan)]
    public void Mean_squared_energy_violation_scales_as_dt_to_the_fourth(MolecularDynamicsIntegrator integrator)
    {
        // Equilibrium configurations of 64 chains, 16 fresh momenta each (seeded); trajectory length 1 at
        // dt = 0.2, 0.1, 0.05, 0.025 with the same starts (common random numbers). Both integrators are second
        // order, so ⟨ΔH²⟩ ∝ dt⁴.
        const int chains = 64, draws = 16;
        var hmc = new HybridMonteCarlo(FreeAction, chains, seed: 20261203, new HmcOptions(10, 0.1));
        for (int i = 0; i < 50; i++) hmc.Update();
        var starts = new List<double[]>();
        for (int i = 0; i < draws; i++)
        {
            hmc.Update();
            starts.Add((double[])hmc.Fields.Clone());
        }
        double[] steps = [0.2, 0.1, 0.05, 0.025];
        var logDt = new double[steps.Length];
        var logH2 = new double[steps.Length];
        var actions = new double[chains];
        for (int s = 0; s < steps.Length; s++)
        {
            var options = new HmcOptions((int)Math.Round(1 / steps[s]), steps[s], integrator);
            var random = new ChainRandom(777);
            double sum = 0, sumExp = 0, sumExp2 = 0;
            foreach (var start in starts)
            {
                var fields = (double[])start.Clone();
                var momenta = fields.Select(_ => random.NextGaussian()).ToArray();
                var before = Hamiltonians(fields, momenta, chains, actions);
                hmc.Integrate(fields, momenta, options);
                var after = Hamiltonians(fields, momenta, chains, actions);
                for (int c = 0; c < chains; c++)
                {
                    double deltaH = after[c] - before[c];
                    sum += deltaH * deltaH;
                    sumExp += Math.Exp(-deltaH);
                    sumExp2 += Math.Exp(-2 * deltaH);
                }
            }
            // Creutz's identity ⟨e^{−ΔH}⟩ = 1 for any reversible area-preserving integrator, at every dt.
            const int n = chains * draws;
            double meanExp = sumExp / n, seExp = Math.Sqrt((sumExp2 / n - meanExp * meanExp) / (n - 1));
            Assert.True(Math.Abs(meanExp - 1) <= 4 * seExp, $"{integrator}, dt = {steps[s]}: ⟨e^(−ΔH)⟩ = {meanExp} ± {seExp} (n = {n}) vs 1 (4 SE)");
            logDt[s] = Math.Log(steps[s]);
            logH2[s] = Math.Log(sum / (chains * draws));
        }
        var (_, slope) = MathNet.Numerics.Fit.Line(logDt, logH2);
        Assert.True(Math.Abs(slope - 4) <= 0.3, $"{integrator}: log-log slope of ⟨ΔH²⟩ vs dt = {slope:F3} (4 ± 0.3); ln⟨ΔH²⟩ = {string.Join(", ", logH2.Select(v => v.ToString("F3")))}");
    }

    static double[] Hamiltonians(double[] fields, double[] momenta, int chains, double[] actions)
    {
        FreeAction.Actions(fields, chains, actions);
        var h = (double[])actions.Clone();
        for (int i = 0; i < momenta.Length; i++) h[i % chains] += 0.5 * momenta[i] * momenta[i];
        return h;
    }

    [Fact]
    public void Free_field_observables_agree_with_the_exact_propagator_within_4_standard_errors()
    {
        // 32 chains × 400 configurations (thermalisation 100, thinning 1), 10 leapfrog steps of dt = 0.1; seed 4811.
        // Errors: Γ-method with 32 replicas; N asserted below.
        const int chains = 32, perChain = 400;
        var hmc = new HybridMonteCarlo(FreeAction, chains, seed: 4811, new HmcOptions(10, 0.1));
        var configurations = hmc.Collect(thermalisation: 100, thinning: 1, perChain);
        var statistics = hmc.Statistics();
        var table = LatticeObservables.Measure(new FieldEnsemble(configurations, Lattice16, chains), FreeAction);
        var exact = new FreeField(Lattice16, 0.2);

        Assert.Equal(chains * perChain, table.Count);
        Assert.True(statistics.AcceptanceRate > 0.5, $"acceptance {statistics.AcceptanceRate}");
        Assert.True(Math.Abs(statistics.ExpMinusDeltaH.StandardScore(1)) <= 4, $"⟨e^(−ΔH)⟩ = {statistics.ExpMinusDeltaH} vs 1 (4 SE)");
        Assert.True(table["phi^2"].Deviation(exact.FieldSquared) <= 4, $"⟨φ²⟩ = {table["phi^2"]} vs exact {exact.FieldSquared} (4 Γ-method SE)");
        for (int r = 0; r <= 8; r++)
            Assert.True(table[$"G({r})"].Deviation(exact.TwoPoint(r)) <= 4, $"G({r}) = {table[$"G({r})"]} vs exact {exact.TwoPoint(r)} (4 SE)");
        Assert.True(table["chi"].Deviation(exact.Susceptibility) <= 4, $"χ = {table["chi"]} vs exact {exact.Susceptibility} (4 SE)");
        Assert.True(table["|M|"].Deviation(exact.AbsoluteMagnetisation) <= 4, $"⟨|M|⟩ = {table["|M|"]} vs exact {exact.AbsoluteMagnetisation} (4 SE)");
        Assert.True(table["kappa4"].Deviation(0) <= 4, $"site κ4 = {table["kappa4"]} vs 0 for a Gaussian (4 SE)");
        Assert.True(table["action_density"].Deviation(0.5) <= 4, $"S/V = {table["action_density"]} vs ½ (equipartition of ½φᵀKφ)");
    }
}
