using ScoreScope.Processes;

namespace ScoreScope.Analysis;

/// <summary>
/// The exact evolution of cumulants under a linear forward process x_t = a(t)x₀ + b(t)ξ (Aarts et al. 2024,
/// arXiv 2410.21212: W_t[J] = W₀[a(t)J] + ½b(t)² J·J), hence
/// κ_{i₁…i_n}(t) = a(t)ⁿ κ_{i₁…i_n}(0) + δ_{n2} δ_{i₁i₂} b(t)². Under VE (a = 1) every κ with n ≠ 2 is conserved;
/// under VP it decays as a(t)ⁿ.
/// </summary>
public static class ForwardCumulantLaw
{
    /// <summary>
    /// κ_1..κ_n of a linear observable w·x at time t from its values at t = 0 (index 0 holds κ_1), where
    /// <paramref name="projectionNormSquared"/> = |w|² (1 for a coordinate or pooled sites, 1/D for the coordinate mean).
    /// </summary>
    public static double[] Predict(ForwardProcess process, double t, IReadOnlyList<double> initialCumulants, double projectionNormSquared = 1.0)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(initialCumulants);
        double a = process.A(t), b = process.B(t);
        var result = new double[initialCumulants.Count];
        for (int i = 0; i < result.Length; i++)
        {
            int n = i + 1;
            result[i] = Math.Pow(a, n) * initialCumulants[i] + (n == 2 ? b * b * projectionNormSquared : 0);
        }
        return result;
    }

    /// <summary>The joint cumulant κ(x_{i₁}, …, x_{i_n}) at time t from its value at t = 0.</summary>
    /// <exception cref="ArgumentException">For an empty index tuple.</exception>
    public static double PredictJoint(ForwardProcess process, double t, IReadOnlyList<int> indices, double initialCumulant)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(indices);
        if (indices.Count == 0) throw new ArgumentException("need at least one index.", nameof(indices));
        double a = process.A(t), b = process.B(t);
        double diagonal = indices.Count == 2 && indices[0] == indices[1] ? b * b : 0;
        return Math.Pow(a, indices.Count) * initialCumulant + diagonal;
    }
}
