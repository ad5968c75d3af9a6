using MathNet.Numerics.LinearAlgebra;

namespace ScoreScope.Semigroups;

/// <summary>
/// The closed-form OISM minimiser α̂ = A_t⁻¹·b_t of the quadratic J_t(α) = αᵀA_tα − 2αᵀb_t
/// (Shen et al. 2025, arXiv 2406.09084v2, §3; docs/science/04 §3.1).
/// </summary>
public static class OismSolver
{
    /// <summary>
    /// Solves A·α = b for a symmetric positive semi-definite A: Cholesky when A is positive definite, otherwise the
    /// minimum-norm least-squares solution from the SVD (singular values below 1e-13·σ_max dropped).
    /// </summary>
    /// <param name="matrix">A_t, [N, N], symmetric.</param>
    /// <param name="vector">b_t, length N.</param>
    /// <returns>α̂, length N.</returns>
    /// <exception cref="ArgumentException">For mismatched shapes, a non-symmetric or non-finite A.</exception>
    public static double[] Solve(double[,] matrix, IReadOnlyList<double> vector)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(vector);
        int n = matrix.GetLength(0);
        if (matrix.GetLength(1) != n || vector.Count != n)
            throw new ArgumentException($"A must be [N, N] and b [N]; got A [{matrix.GetLength(0)}, {matrix.GetLength(1)}], b [{vector.Count}].", nameof(matrix));
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double a = matrix[i, j];
                if (!double.IsFinite(a)) throw new ArgumentException($"A[{i},{j}] = {a} is not finite.", nameof(matrix));
                if (Math.Abs(a - matrix[j, i]) > 1e-12 * (Math.Abs(a) + Math.Abs(matrix[j, i])) + 1e-300)
                    throw new ArgumentException($"A is not symmetric: A[{i},{j}] = {a}, A[{j},{i}] = {matrix[j, i]}.", nameof(matrix));
            }
        var a64 = Matrix<double>.Build.DenseOfArray(matrix);
        var b64 = Vector<double>.Build.DenseOfEnumerable(vector);
        try
        {
            var cholesky = a64.Cholesky();
            var x = cholesky.Solve(b64);
            if (x.All(double.IsFinite)) return x.ToArray();
        }
        catch (ArgumentException)
        {
            // not positive definite: fall through to the SVD
        }
        var svd = a64.Svd(computeVectors: true);
        var s = svd.S;
        double cut = 1e-13 * s.Maximum();
        var result = Vector<double>.Build.Dense(n);
        for (int k = 0; k < n; k++)
        {
            if (s[k] <= cut) continue;
            var u = svd.U.Column(k);
            result += (u.DotProduct(b64) / s[k]) * svd.VT.Row(k);
        }
        return result.ToArray();
    }
}
