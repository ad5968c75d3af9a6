using System.Numerics;
using MathNet.Numerics;

namespace ScoreScope.Numerics;

/// <summary>
/// Stable modified-Bessel quantities for the von Mises–Fisher posterior of data uniform on a sphere (Lu, Wang, Bal 2023,
/// arXiv 2301.07882, §5.1 of docs/science/singular-scores.md: f = A_n(κ)·x/|x| with A_n(κ) = I_{n/2}(κ)/I_{n/2−1}(κ)).
/// Moderate arguments use MathNet's exponentially scaled Bessel function (Amos); for κ ≥ 30 + ν² the Hankel
/// asymptotic series I_ν(κ) ≈ e^κ/√(2πκ)·Σ_k (−1)^k a_k(ν)/κ^k (DLMF 10.40.1) is used, and 1 − ratio is summed
/// term by term so that it keeps full relative precision up to κ = 10⁸ and beyond.
/// </summary>
public static class BesselRatio
{
    /// <summary>Below this argument (plus ν²) the ratio comes from MathNet's scaled Bessel functions.</summary>
    const double AsymptoticThreshold = 30.0;

    /// <summary>Below this argument log I_ν uses its power series (keeps relative precision as κ → 0).</summary>
    const double SmallArgument = 1e-3;

    /// <summary>The ratio I_ν(κ)/I_{ν−1}(κ) for ν ≥ 1/2 and κ ≥ 0 (0 at κ = 0).</summary>
    /// <exception cref="ArgumentOutOfRangeException">For ν &lt; 1/2, or κ negative or NaN.</exception>
    public static double Ratio(double order, double argument)
    {
        Validate(order, argument);
        if (argument == 0) return 0;
        if (argument >= AsymptoticThreshold + order * order || double.IsPositiveInfinity(argument))
            return 1 - OneMinusRatio(order, argument);
        double num = SpecialFunctions.BesselIScaled(order, new Complex(argument, 0)).Real;
        double den = SpecialFunctions.BesselIScaled(order - 1, new Complex(argument, 0)).Real;
        return num / den;
    }

    /// <summary>
    /// 1 − I_ν(κ)/I_{ν−1}(κ), accurate to relative precision also when it is tiny (≈ (2ν − 1)/(2κ) for large κ).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">For ν &lt; 1/2, or κ negative or NaN.</exception>
    public static double OneMinusRatio(double order, double argument)
    {
        Validate(order, argument);
        if (double.IsPositiveInfinity(argument)) return 0;
        if (argument < AsymptoticThreshold + order * order) return 1 - Ratio(order, argument);
        // Hankel series of I_ν and I_{ν−1}; their k = 0 terms (both 1) cancel exactly in the difference.
        double seriesLower = 1, difference = 0;
        double termUpper = 1, termLower = 1;
        double muUpper = 4 * order * order, muLower = 4 * (order - 1) * (order - 1);
        double previous = double.PositiveInfinity;
        for (int k = 1; k < 200; k++)
        {
            double odd = (2.0 * k - 1) * (2.0 * k - 1);
            termUpper *= -(muUpper - odd) / (8.0 * k * argument);
            termLower *= -(muLower - odd) / (8.0 * k * argument);
            double size = Math.Abs(termUpper) + Math.Abs(termLower);
            if (size > previous) break; // asymptotic series: stop at the smallest term
            seriesLower += termLower;
            difference += termLower - termUpper;
            if (size <= 1e-18 * Math.Abs(difference)) break;
            previous = size;
        }
        return difference / seriesLower;
    }

    /// <summary>
    /// log I_ν(κ) − κ (the logarithm of the exponentially scaled Bessel function) for ν ≥ 0, κ &gt; 0; used for the
    /// marginal log-density of sphere data. Returns −∞ at κ = 0 for ν &gt; 0 and 0 for ν = 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">For ν &lt; 0, or κ negative or NaN.</exception>
    public static double LogScaledBesselI(double order, double argument)
    {
        if (!(order >= 0)) throw new ArgumentOutOfRangeException(nameof(order), order, "order ν must be ≥ 0.");
        if (!(argument >= 0)) throw new ArgumentOutOfRangeException(nameof(argument), argument, "argument κ must be ≥ 0.");
        if (argument == 0) return order == 0 ? 0 : double.NegativeInfinity;
        if (argument < SmallArgument)
            return LogHypergeometricSeries(order, argument) - argument + order * Math.Log(argument / 2) - LogGammaOfOrderPlusOne(order);
        if (argument < AsymptoticThreshold + order * order)
            return Math.Log(SpecialFunctions.BesselIScaled(order, new Complex(argument, 0)).Real);
        double series = 1, term = 1, previous = double.PositiveInfinity, mu = 4 * order * order;
        for (int k = 1; k < 200; k++)
        {
            double odd = (2.0 * k - 1) * (2.0 * k - 1);
            term *= -(mu - odd) / (8.0 * k * argument);
            if (Math.Abs(term) > previous) break;
            series += term;
            if (Math.Abs(term) <= 1e-18) break;
            previous = Math.Abs(term);
        }
        return Math.Log(series) - 0.5 * Math.Log(2 * Math.PI * argument);
    }

    /// <summary>
    /// log[Γ(ν+1)(2/κ)^ν I_ν(κ)] − κ = log E[exp(κ(u·e − 1))] for u uniform on S^{2ν+1}: the von Mises–Fisher
    /// normaliser, finite at κ = 0 (where it is 0) and computed without overflow for any κ ≥ 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">For ν &lt; 0, or κ negative or NaN.</exception>
    public static double LogNormalisedScaledBesselI(double order, double argument)
    {
        if (!(order >= 0)) throw new ArgumentOutOfRangeException(nameof(order), order, "order ν must be ≥ 0.");
        if (!(argument >= 0)) throw new ArgumentOutOfRangeException(nameof(argument), argument, "argument κ must be ≥ 0.");
        if (argument < SmallArgument) return LogHypergeometricSeries(order, argument) - argument;
        return LogGammaOfOrderPlusOne(order) + order * Math.Log(2 / argument) + LogScaledBesselI(order, argument);
    }

    /// <summary>log 0F1(; ν+1; κ²/4) = log Σ_k (κ²/4)^k/(k!(ν+1)_k) for small κ, via log1p (DLMF 10.25.2).</summary>
    static double LogHypergeometricSeries(double order, double argument)
    {
        double q = argument * argument / 4, sumMinusOne = 0, term = 1;
        for (int k = 1; k < 8; k++) { term *= q / (k * (order + k)); sumMinusOne += term; }
        return SpecialFunctions.Log1p(sumMinusOne);
    }

    /// <summary>log Γ(ν + 1), exactly 0 at ν = 0 and 1 (MathNet's GammaLn leaves ~4·10⁻¹⁶ there).</summary>
    static double LogGammaOfOrderPlusOne(double order) => order is 0 or 1 ? 0 : SpecialFunctions.GammaLn(order + 1);

    static void Validate(double order, double argument)
    {
        if (!(order >= 0.5)) throw new ArgumentOutOfRangeException(nameof(order), order, "order ν must be ≥ 1/2.");
        if (!(argument >= 0)) throw new ArgumentOutOfRangeException(nameof(argument), argument, "argument κ must be ≥ 0.");
    }
}
