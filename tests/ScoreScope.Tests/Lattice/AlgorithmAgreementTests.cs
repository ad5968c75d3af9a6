using ScoreScope.Lattice;

namespace ScoreScope.Tests.Lattice;

/// <summary>
/// Two independent algorithms — HMC and single-site Metropolis — give the same ⟨φ²⟩, ⟨|M|⟩, χ and U at three points
/// of (κ, λ) on a 16² lattice (issue 14 acceptance): symmetric, near the transition and broken. The broken point
/// starts from the ordered field φ = 1: from N(0, 1) noise both algorithms form domains whose walls live for hundreds
/// of updates on the torus (measured with 100 thermalisation updates: τ_int ≈ 100 and χ = 381 ± 110 (HMC) vs
/// 562 ± 99 (Metropolis); from the ordered start τ_int ≈ 0.5 for both).
/// </summary>
public sealed class AlgorithmAgreementTests
{
    [Theory]
    [InlineData(0.22, 0.022, false)]
    [InlineData(0.26, 0.022, false)]
    [InlineData(0.40, 0.022, true)]
    public void Hmc_and_single_site_metropolis_agree_within_4_combined_standard_errors(double kappa, double lambda, bool orderedStart)
    {
        var lattice = new HypercubicLattice(16, 2);
        var action = new PhiFourAction(lattice, new PhiFourCouplings(kappa, lambda));
        const int chains = 16, perChain = 250;
        var hmc = new HybridMonteCarlo(action, chains, seed: 101, new HmcOptions(10, 0.1));
        if (orderedStart) Array.Fill(hmc.Fields, 1.0);
        var hmcTable = LatticeObservables.Measure(new FieldEnsemble(hmc.Collect(100, 2, perChain), lattice, chains), action);
        var metropolis = new SingleSiteMetropolis(action, chains, seed: 202);
        if (orderedStart) Array.Fill(metropolis.Fields, 1.0);
        var metropolisTable = LatticeObservables.Measure(new FieldEnsemble(metropolis.Collect(100, 2, perChain), lattice, chains), action);

        Assert.Equal(chains * perChain, hmcTable.Count);
        Assert.Equal(chains * perChain, metropolisTable.Count);
        foreach (string name in new[] { "phi^2", "|M|", "chi", "U" })
        {
            var a = hmcTable[name];
            var b = metropolisTable[name];
            double combined = Math.Sqrt(a.Error * a.Error + b.Error * b.Error);
            Assert.True(Math.Abs(a.Value - b.Value) <= 4 * combined,
                $"κ = {kappa}, λ = {lambda}: {name} HMC {a.Value:G6} ± {a.Error:G2} (τ {a.TauInt:G3}) vs Metropolis {b.Value:G6} ± {b.Error:G2} (τ {b.TauInt:G3}); 4 combined SE = {4 * combined:G3}");
        }
    }
}
