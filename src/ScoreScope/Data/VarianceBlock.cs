namespace ScoreScope.Data;

/// <summary>
/// One block of a random linear Gaussian manifold x₀ = F z (Ventura et al. 2024, arXiv 2410.05898, §6.2–6.3;
/// docs/science/spectral-gaps.md §2.2–2.3): <paramref name="Dimension"/> columns of F with iid entries N(0, σ²/D), σ =
/// <paramref name="StandardDeviation"/>, where D is the ambient dimension.
/// </summary>
/// <param name="Dimension">The block's dimension m_k (≥ 1).</param>
/// <param name="StandardDeviation">The block's scale σ_k (&gt; 0); its population variance is τ_k = σ_k².</param>
public sealed record VarianceBlock(int Dimension, double StandardDeviation);
