namespace ScoreScope.Correction;

/// <summary>An independence Metropolis–Hastings chain over a fixed list of proposals.</summary>
/// <param name="States">The proposal index the chain sits at after each of the N steps (step 0: the first proposal).</param>
/// <param name="Accepted">Accepted proposals among steps 1 … N − 1.</param>
public sealed record MetropolisChain(int[] States, long Accepted)
{
    /// <summary>The acceptance rate over steps 1 … N − 1 (NaN for a one-step chain).</summary>
    public double AcceptanceRate => States.Length > 1 ? (double)Accepted / (States.Length - 1) : double.NaN;
}
