using ScoreScope.Data;
using ScoreScope.Processes;

namespace ScoreScope.Analysis;

/// <summary>
/// The exact end point of the reverse SDE driven by the exact score of the double-peak toy model but started from a
/// Gaussian prior q_T = N(0, σ_p²) instead of the true p_T (Aarts et al. 2024, arXiv 2410.21212: the backward process
/// rebuilds the cumulants "also when starting from a normal prior"). The continuous-time reverse SDE is the Markov
/// chain with kernel p(x₀ | x_T), so its end point is the Doob h-transform
/// q₀(x) = p₀(x)·E[q_T(X_T)/p_T(X_T) | X₀ = x] with X_T = a(T)x + b(T)Z, evaluated here by quadrature.
/// </summary>
public static class PriorMismatchCumulants
{
    /// <summary>
    /// κ_1..κ_order of q₀ for the toy model <paramref name="toy"/> (one coordinate) under <paramref name="process"/>
    /// started from N(0, σ_p²), σ_p = <paramref name="priorStandardDeviation"/> (the process's own prior when null).
    /// Trapezoid rules (spectrally accurate for these Gaussian-decaying integrands): 1601 points on x ∈ μ ± 12σ₀ and
    /// 801 points on z ∈ [−10, 10]. For VE with σ = 10: (1.06223, −1.99895, 15.9874, −271.715) for κ2, κ4, κ6, κ8.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">For an order outside 2..8 or a non-positive prior width.</exception>
    public static double[] Evaluate(DoublePeakDistribution toy, ForwardProcess process, double? priorStandardDeviation = null,
        int order = CentralMoments.MaxOrder)
    {
        ArgumentNullException.ThrowIfNull(toy);
        ArgumentNullException.ThrowIfNull(process);
        if (order < 2 || order > CentralMoments.MaxOrder) throw new ArgumentOutOfRangeException(nameof(order), order, "order must be in 2..8.");
        double sp = priorStandardDeviation ?? process.PriorStandardDeviation;
        if (!(sp > 0) || !double.IsFinite(sp)) throw new ArgumentOutOfRangeException(nameof(priorStandardDeviation), sp, "the prior width must be finite and > 0.");
        double mu = toy.PeakPosition, s0 = toy.PeakWidth;
        double a = process.A(process.EndTime), b = process.B(process.EndTime);
        double peak = a * mu, variance = a * a * s0 * s0 + b * b;

        // ln q_T(y) − ln p_T(y); p_T = ½[N(aμ, v) + N(−aμ, v)], so ln p_T = −(y² + (aμ)²)/(2v) + ln cosh(aμy/v) − ½ln(2πv).
        double LogRatio(double y)
        {
            double u = Math.Abs(peak * y / variance);
            double logCosh = u + Math.Log(1 + Math.Exp(-2 * u)) - Math.Log(2);
            double logP = -(y * y + peak * peak) / (2 * variance) + logCosh - 0.5 * Math.Log(2 * Math.PI * variance);
            double logQ = -y * y / (2 * sp * sp) - 0.5 * Math.Log(2 * Math.PI * sp * sp);
            return logQ - logP;
        }

        const int zPoints = 801, xPoints = 1601;
        var z = new double[zPoints];
        var wz = new double[zPoints];
        for (int i = 0; i < zPoints; i++)
        {
            z[i] = -10 + 20.0 * i / (zPoints - 1);
            wz[i] = 20.0 / (zPoints - 1) * (i == 0 || i == zPoints - 1 ? 0.5 : 1) * Math.Exp(-0.5 * z[i] * z[i]) / Math.Sqrt(2 * Math.PI);
        }
        double xMax = mu + 12 * s0, dx = 2 * xMax / (xPoints - 1);
        var raw = new double[order + 1];
        for (int j = 0; j < xPoints; j++)
        {
            double x = -xMax + j * dx;
            double h = 0;
            for (int i = 0; i < zPoints; i++) h += wz[i] * Math.Exp(LogRatio(a * x + b * z[i]));
            double p0 = 0.5 * (Gaussian(x, mu, s0) + Gaussian(x, -mu, s0));
            double w = (j == 0 || j == xPoints - 1 ? 0.5 : 1) * dx * p0 * h, power = 1;
            for (int p = 0; p <= order; p++) { raw[p] += w * power; power *= x; }
        }
        double mean = raw[1] / raw[0];
        Span<double> central = stackalloc double[order + 1];
        for (int p = 0; p <= order; p++)
        {
            // m_p = Σ_k C(p, k) E[x^k] (−mean)^{p−k}.
            double s = 0;
            for (int k = 0; k <= p; k++) s += CumulantRelations.Binomial(p, k) * raw[k] / raw[0] * Math.Pow(-mean, p - k);
            central[p] = s;
        }
        var kappa = CumulantRelations.CumulantsFromCentralMoments(central);
        kappa[0] = mean;
        return kappa;
    }

    static double Gaussian(double x, double mean, double sd) =>
        Math.Exp(-0.5 * (x - mean) * (x - mean) / (sd * sd)) / (sd * Math.Sqrt(2 * Math.PI));
}
