using MathNet.Numerics.LinearAlgebra;

namespace ScoreScope.Numerics;

/// <summary>
/// The n-point Gauss–Hermite rule for the standard normal weight: E f(G) ≈ Σᵢ wᵢ f(xᵢ), G ~ N(0, 1), exact for
/// polynomials of degree ≤ 2n − 1. Nodes and weights come from the Golub–Welsch algorithm: the nodes are the
/// eigenvalues of the symmetric Jacobi matrix of the probabilists' Hermite polynomials (zero diagonal, off-diagonal
/// √k, k = 1 … n − 1) and the weights the squared first components of its unit eigenvectors.
/// </summary>
/// <remarks>
/// Golub &amp; Welsch (1969), Math. Comp. 23, 221, Eq. 2.3 and §4. MathNet.Numerics 5.0 has Gauss–Legendre and
/// Gauss–Kronrod rules but no Gauss–Hermite rule; numpy's counterpart is <c>numpy.polynomial.hermite_e.hermegauss</c>
/// (whose weights sum to √(2π) instead of 1). Accuracy is spectral for smooth integrands; for an integrand with a kink
/// (ReLU) the error decays only algebraically in n.
/// </remarks>
public sealed class GaussHermiteRule
{
    /// <summary>The largest supported order (the eigenproblem is dense; beyond ~400 nodes weights underflow).</summary>
    public const int MaxOrder = 400;

    /// <summary>Builds the rule with <paramref name="order"/> nodes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For an order outside 1 … <see cref="MaxOrder"/>.</exception>
    public GaussHermiteRule(int order)
    {
        if (order < 1 || order > MaxOrder)
            throw new ArgumentOutOfRangeException(nameof(order), order, $"order must be in 1..{MaxOrder}.");
        var jacobi = Matrix<double>.Build.Dense(order, order);
        for (int k = 1; k < order; k++)
        {
            jacobi[k - 1, k] = Math.Sqrt(k);
            jacobi[k, k - 1] = Math.Sqrt(k);
        }
        var evd = jacobi.Evd(Symmetricity.Symmetric);
        Nodes = new double[order];
        Weights = new double[order];
        for (int i = 0; i < order; i++)
        {
            Nodes[i] = evd.EigenValues[i].Real;
            double first = evd.EigenVectors[0, i];
            Weights[i] = first * first;
        }
        Array.Sort(Nodes, Weights);
    }

    /// <summary>The nodes xᵢ in increasing order.</summary>
    public double[] Nodes { get; }

    /// <summary>The weights wᵢ (they sum to 1).</summary>
    public double[] Weights { get; }

    /// <summary>Σᵢ wᵢ f(xᵢ) ≈ E f(G), G ~ N(0, 1).</summary>
    public double Expectation(Func<double, double> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        double sum = 0;
        for (int i = 0; i < Nodes.Length; i++) sum += Weights[i] * f(Nodes[i]);
        return sum;
    }
}
