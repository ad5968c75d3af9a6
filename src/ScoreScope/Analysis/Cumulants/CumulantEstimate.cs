namespace ScoreScope.Analysis;

/// <summary>
/// A point estimate with two standard errors: the blocked jackknife (valid for correlated chains when blocks are
/// longer than the autocorrelation time; Efron &amp; Stein 1981, Künsch 1989) and the seeded block bootstrap
/// (Efron 1979). For iid data both estimate the same sampling standard deviation.
/// </summary>
/// <param name="Value">The estimate on the full sample.</param>
/// <param name="JackknifeError">The blocked-jackknife standard error.</param>
/// <param name="BootstrapError">The block-bootstrap standard error (NaN when no replicates were drawn).</param>
public readonly record struct CumulantEstimate(double Value, double JackknifeError, double BootstrapError)
{
    /// <summary>The standard error used by default: the jackknife one.</summary>
    public double StandardError => JackknifeError;

    /// <summary>|Value − truth| in units of <see cref="StandardError"/>.</summary>
    public double Deviation(double truth) => Math.Abs(Value - truth) / StandardError;

    /// <inheritdoc/>
    public override string ToString() => FormattableString.Invariant($"{Value:G6} ± {JackknifeError:G2}");
}
