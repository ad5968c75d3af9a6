namespace ScoreScope.Lattice;

/// <summary>
/// The result of Wolff's Γ-method for one observable: value, standard error including autocorrelations, the
/// integrated autocorrelation time τ_int with its error, and the summation window W chosen automatically.
/// </summary>
/// <param name="Value">F = f(ā), the observable at the sample means of the primaries.</param>
/// <param name="StandardError">σ_F = √(C_F/N) with the bias-corrected C_F (Wolff 2004, Eq. 44 and 49).</param>
/// <param name="TauInt">τ_int = C_F / (2Γ_F(0)); ½ for uncorrelated data.</param>
/// <param name="TauIntError">δτ_int ≈ τ_int √(4(W + ½ − τ_int)/N) (Madras &amp; Sokal 1988; Wolff 2004, Eq. 42).</param>
/// <param name="Window">The window W where the automatic criterion first turned negative.</param>
/// <param name="Count">N, the number of measurements (all replicas).</param>
public readonly record struct GammaMethodEstimate(double Value, double StandardError, double TauInt, double TauIntError, int Window, long Count)
{
    /// <inheritdoc/>
    public override string ToString() =>
        FormattableString.Invariant($"{Value:G6} ± {StandardError:G2} (τ_int = {TauInt:G3} ± {TauIntError:G2}, W = {Window}, N = {Count})");
}
