using ScoreScope.Data;
using ScoreScope.Processes;

namespace ScoreScope.Semigroups;

/// <summary>
/// The diffusion kernel smoother (DKS) under the Ornstein–Uhlenbeck process dX = −X dt + √2 dW: the Mehler-kernel
/// smoother ŝ_t(x) = Σ_i w_i(x)(e^{−t}x_i − x)/(1 − e^{−2t}) is the score of the empirical measure pushed through the
/// VP process with constant β = 2 (a = e^{−t}, b² = 1 − e^{−2t}), so it is the library's
/// <see cref="EmpiricalDistribution"/> score under <see cref="Process"/> — no second implementation.
/// </summary>
/// <remarks>docs/science/operator-informed.md §2 ("For OU (Euclidean DKS) this is exactly the empirical-Gaussian-mixture score").</remarks>
public static class OrnsteinUhlenbeckKernelSmoothing
{
    /// <summary>The VP process with β ≡ 2, whose marginal is the OU law at OU time t (the same t).</summary>
    public static VariancePreservingProcess Process { get; } = new(new ConstantBetaSchedule(2.0));
}
