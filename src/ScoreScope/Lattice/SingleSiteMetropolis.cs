namespace ScoreScope.Lattice;

/// <summary>
/// Single-site Metropolis for the lattice φ⁴ action (Metropolis et al. 1953): each sweep visits every site in order and
/// makes <see cref="Hits"/> proposals φ' = φ + δ(2u − 1), accepted with probability min(1, e^{−ΔS}) where the local
/// change is ΔS = −2κ(φ' − φ)Σ_μ[φ(x+μ̂) + φ(x−μ̂)] + (1 − 2λ)(φ'² − φ²) + λ(φ'⁴ − φ⁴). An algorithm independent of
/// HMC (no molecular dynamics, no momenta) for cross-checks; C chains, each with its own stream.
/// </summary>
public sealed class SingleSiteMetropolis : LatticeChainSampler
{
    /// <summary>Creates C chains with proposal width δ and <paramref name="hits"/> proposals per site and sweep.</summary>
    public SingleSiteMetropolis(PhiFourAction action, int chains, ulong seed, double width = 1.5, int hits = 4) : base(action, chains, seed)
    {
        if (!double.IsFinite(width) || width <= 0) throw new ArgumentOutOfRangeException(nameof(width), width, "the proposal width δ must be > 0.");
        if (hits < 1) throw new ArgumentOutOfRangeException(nameof(hits), hits, "hits must be ≥ 1.");
        Width = width;
        Hits = hits;
    }

    /// <summary>δ, the half-width of the uniform proposal.</summary>
    public double Width { get; }

    /// <summary>Proposals per site and sweep.</summary>
    public int Hits { get; }

    /// <summary>One sweep of every chain.</summary>
    public override void Update()
    {
        var lattice = Action.Lattice;
        double kappa = Action.Couplings.Kappa, lambda = Action.Couplings.Lambda;
        int chains = Chains, dims = lattice.Dimensions;
        long accepted = 0;
        for (int c = 0; c < chains; c++)
        {
            var random = Random(c);
            for (int x = 0; x < Volume; x++)
            {
                double hop = 0;
                for (int mu = 0; mu < dims; mu++)
                    hop += Fields[lattice.Forward(mu)[x] * chains + c] + Fields[lattice.Backward(mu)[x] * chains + c];
                double phi = Fields[x * chains + c];
                for (int h = 0; h < Hits; h++)
                {
                    double proposal = phi + Width * (2 * random.NextDouble() - 1);
                    double phi2 = phi * phi, proposal2 = proposal * proposal;
                    double deltaS = -2 * kappa * (proposal - phi) * hop + (1 - 2 * lambda) * (proposal2 - phi2)
                        + lambda * (proposal2 * proposal2 - phi2 * phi2);
                    if (deltaS <= 0 || random.NextDouble() < Math.Exp(-deltaS))
                    {
                        phi = proposal;
                        accepted++;
                    }
                }
                Fields[x * chains + c] = phi;
            }
        }
        Accepted += accepted;
        Proposed += (long)chains * Volume * Hits;
    }
}
