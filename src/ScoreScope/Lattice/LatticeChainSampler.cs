namespace ScoreScope.Lattice;

/// <summary>
/// A set of C independent Markov chains for the φ⁴ action, each with its own random stream, whose fields are stored
/// site-major as [V, C] (see <see cref="PhiFourAction"/>). Each chain starts from N(0, 1) noise drawn from its own
/// stream, as in the DMasSQ code. <see cref="Collect"/> runs thermalisation and thinning and returns configurations
/// chain-major, [C·K, V], so each chain's K configurations are one contiguous time series.
/// </summary>
public abstract class LatticeChainSampler
{
    readonly ChainRandom[] _random;

    /// <summary>Creates <paramref name="chains"/> chains; chain c draws from <c>Seeds.Derive(seed, c)</c>.</summary>
    protected LatticeChainSampler(PhiFourAction action, int chains, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (chains < 1) throw new ArgumentOutOfRangeException(nameof(chains), chains, "need at least one chain.");
        Action = action;
        Chains = chains;
        _random = new ChainRandom[chains];
        for (int c = 0; c < chains; c++) _random[c] = new ChainRandom(Numerics.Seeds.Derive(seed, (ulong)c));
        Fields = new double[(long)action.Lattice.Volume * chains];
        for (int c = 0; c < chains; c++)
            for (int x = 0; x < Volume; x++) Fields[x * chains + c] = _random[c].NextGaussian();
    }

    /// <summary>The action.</summary>
    public PhiFourAction Action { get; }

    /// <summary>C, the number of chains.</summary>
    public int Chains { get; }

    /// <summary>V, the number of sites.</summary>
    public int Volume => Action.Lattice.Volume;

    /// <summary>The current fields, [V, C] site-major.</summary>
    public double[] Fields { get; }

    /// <summary>Accepted proposals over all chains since construction.</summary>
    public long Accepted { get; protected set; }

    /// <summary>Proposals over all chains since construction.</summary>
    public long Proposed { get; protected set; }

    /// <summary>The random stream of chain <paramref name="chain"/>.</summary>
    protected ChainRandom Random(int chain) => _random[chain];

    /// <summary>One update of every chain (one HMC trajectory or one sweep).</summary>
    public abstract void Update();

    /// <summary>
    /// Runs <paramref name="thermalisation"/> updates, then keeps one configuration every <paramref name="thinning"/>
    /// updates until each chain has <paramref name="perChain"/>; returns them chain-major [C·K, V].
    /// </summary>
    public double[] Collect(int thermalisation, int thinning, int perChain, Action<int>? progress = null, CancellationToken cancellation = default)
    {
        if (thermalisation < 0) throw new ArgumentOutOfRangeException(nameof(thermalisation), thermalisation, "must be ≥ 0.");
        if (thinning < 1) throw new ArgumentOutOfRangeException(nameof(thinning), thinning, "must be ≥ 1.");
        if (perChain < 1) throw new ArgumentOutOfRangeException(nameof(perChain), perChain, "must be ≥ 1.");
        for (int i = 0; i < thermalisation; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            Update();
            progress?.Invoke(1);
        }
        OnThermalised();
        var configurations = new double[(long)Chains * perChain * Volume];
        for (int k = 0; k < perChain; k++)
        {
            for (int i = 0; i < thinning; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                Update();
                progress?.Invoke(1);
            }
            for (int c = 0; c < Chains; c++)
            {
                long row = ((long)c * perChain + k) * Volume;
                for (int x = 0; x < Volume; x++) configurations[row + x] = Fields[x * Chains + c];
            }
        }
        return configurations;
    }

    /// <summary>Called once when thermalisation ends (resets statistics that should cover the measured part only).</summary>
    protected virtual void OnThermalised()
    {
        Accepted = 0;
        Proposed = 0;
    }
}
