namespace ScoreScope.Numerics;

/// <summary>
/// e^x − 1 to a few ulps for all x. Neither <c>double.ExpM1</c> (in .NET 10 it is <c>Exp(x) − 1</c>, relative error
/// ≈ 10⁻¹⁶/|x| as x → 0) nor MathNet's <c>Expm1</c> (relative error ≈ 10⁻⁸ near x = −0.1) is accurate enough for
/// the noise level b² = 1 − e^{−t} of a VP process at small t, where scores scale like 1/b².
/// </summary>
public static class ExponentialMinusOne
{
    /// <summary>e^x − 1 by Kahan's formula (e^x − 1)·x/log(e^x) for |x| &lt; 1 (Higham 2002, §1.14.1), e^x − 1 otherwise.</summary>
    public static double Evaluate(double x)
    {
        if (!(Math.Abs(x) < 1)) return Math.Exp(x) - 1;
        double u = Math.Exp(x);
        if (u == 1) return x;
        double um1 = u - 1;
        if (um1 == -1) return -1;
        return um1 * x / Math.Log(u);
    }
}
