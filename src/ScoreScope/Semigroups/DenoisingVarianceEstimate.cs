namespace ScoreScope.Semigroups;

/// <summary>
/// The variance an OISM control removes from denoising score matching at one time t, measured on n pairs (x_0, x_t):
/// with the DSM target u = ∇_{x_t} log k_t(x_t | x_0) and the controlled target v = u − s̃_t(x_t) (what the network of
/// the residual model s_θ = s̃_t + NN_θ regresses), the second moments E|u|² and E|v|², the variance of the per-sample
/// gradient of an output bias b of the network at NN ≡ 0 (∂ℓ/∂b = −2u or −2v, trace of its covariance: 4·tr Cov), and
/// the variance of the per-sample DSM loss at NN ≡ 0 (|u|² or |v|²).
/// </summary>
/// <param name="Time">t.</param>
/// <param name="SampleSize">n.</param>
/// <param name="Dimension">d.</param>
/// <param name="OracleSecondMoment">The closed form of E|u|²: d/(1 − e^{−2t}) for OU (docs/science/operator-informed.md §5.8); NaN where none is used.</param>
/// <param name="PlainSecondMoment">E|u|² (sample mean).</param>
/// <param name="PlainSecondMomentError">Its standard error sd(|u|²)/√n.</param>
/// <param name="ControlledSecondMoment">E|v|².</param>
/// <param name="ControlledSecondMomentError">Its standard error sd(|v|²)/√n.</param>
/// <param name="PlainGradientVariance">4·tr Cov(u) (unbiased sample covariance).</param>
/// <param name="ControlledGradientVariance">4·tr Cov(v).</param>
/// <param name="PlainLossVariance">Var(|u|²) (unbiased).</param>
/// <param name="ControlledLossVariance">Var(|v|²).</param>
public sealed record DenoisingVarianceEstimate(
    double Time, int SampleSize, int Dimension, double OracleSecondMoment,
    double PlainSecondMoment, double PlainSecondMomentError,
    double ControlledSecondMoment, double ControlledSecondMomentError,
    double PlainGradientVariance, double ControlledGradientVariance,
    double PlainLossVariance, double ControlledLossVariance)
{
    /// <summary>The fraction of the gradient variance the control leaves: ControlledGradientVariance / PlainGradientVariance.</summary>
    public double GradientVarianceRatio => ControlledGradientVariance / PlainGradientVariance;

    /// <summary>E|v|² / E|u|².</summary>
    public double SecondMomentRatio => ControlledSecondMoment / PlainSecondMoment;
}
