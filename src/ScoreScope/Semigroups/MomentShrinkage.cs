namespace ScoreScope.Semigroups;

/// <summary>
/// Shrinkage of empirical eigenfunction means m̂_k before OISM. The paper (arXiv 2406.09084v2, Fig. 1) uses "a
/// shrinkage estimator" whose formula is not known to us (docs/science/operator-informed.md §3.1, [unverified]); the option here is
/// <b>our choice</b>, documented as such.
/// </summary>
public enum MomentShrinkage
{
    /// <summary>The plain sample means.</summary>
    None,

    /// <summary>
    /// Positive-part James–Stein-type shrinkage of each m̂_k (k ≥ 1) towards its value 0 under the invariant law:
    /// m̃_k = max(0, 1 − v̂_k/(n·m̂_k²))·m̂_k, v̂_k the unbiased sample variance of φ_k(x_i). A coefficient whose mean is
    /// not resolved above its standard error (|m̂_k| ≤ SE_k) is set to 0; well-resolved ones are nearly untouched.
    /// </summary>
    JamesStein,
}
