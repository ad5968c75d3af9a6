using MathNet.Numerics.LinearAlgebra;

namespace ScoreScope.Tests.Semigroups;

static class SymmetricPositiveSemidefinite
{
    /// <summary>Asserts exact symmetry and λ_min ≥ −1e-12·λ_max.</summary>
    public static void Assert(double[,] a, string what)
    {
        int n = a.GetLength(0);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                Xunit.Assert.True(a[i, j] == a[j, i], $"{what}: A[{i},{j}] = {a[i, j]} ≠ A[{j},{i}] = {a[j, i]}");
        var eig = Matrix<double>.Build.DenseOfArray(a).Evd(Symmetricity.Symmetric).EigenValues.Select(z => z.Real).ToArray();
        double max = eig.Max(), min = eig.Min();
        Xunit.Assert.True(min >= -1e-12 * Math.Max(max, 1e-300), $"{what}: λ_min = {min:G3}, λ_max = {max:G3}");
    }
}
