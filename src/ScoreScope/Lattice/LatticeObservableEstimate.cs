namespace ScoreScope.Lattice;

/// <summary>One observable of a lattice ensemble with its two error estimates.</summary>
/// <param name="Name">The observable (<c>M</c>, <c>|M|</c>, <c>chi</c>, <c>U</c>, <c>G(3)</c>, <c>kappa4</c>, …).</param>
/// <param name="Value">The estimate.</param>
/// <param name="Error">The Γ-method standard error (autocorrelations included).</param>
/// <param name="TauInt">The integrated autocorrelation time (in configurations; ½ when uncorrelated).</param>
/// <param name="TauIntError">Its error.</param>
/// <param name="Window">The automatic summation window.</param>
/// <param name="JackknifeError">The blocked-jackknife standard error (a cross-check of <paramref name="Error"/>).</param>
public sealed record LatticeObservableEstimate(string Name, double Value, double Error, double TauInt, double TauIntError, int Window, double JackknifeError)
{
    /// <summary>|Value − truth| / Error.</summary>
    public double Deviation(double truth) => Math.Abs(Value - truth) / Error;
}
