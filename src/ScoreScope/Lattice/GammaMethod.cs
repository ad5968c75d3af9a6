namespace ScoreScope.Lattice;

/// <summary>
/// Wolff's Γ-method (U. Wolff, "Monte Carlo errors with less errors", Comput. Phys. Commun. 156 (2004) 143,
/// hep-lat/0306017): the error of a smooth function f of the means of primary observables measured along R Markov
/// chains (replicas of equal length), from the autocorrelation function of the linearised deviations
/// δ(i) = Σ_α ∂f/∂ā_α (a_α(i) − ā_α), summed up to a window W chosen automatically (Eq. 52, S = 1.5), with the
/// bias correction of C_F (Eq. 49). Gradients are central differences with steps of the primaries' standard errors.
/// </summary>
public static class GammaMethod
{
    /// <summary>Wolff's default S = 1.5 (the ratio of the assumed τ to the window-criterion scale).</summary>
    public const double DefaultS = 1.5;

    /// <summary>The Γ-method error of the mean of one series (one replica).</summary>
    public static GammaMethodEstimate Mean(ReadOnlySpan<double> series, double s = DefaultS) =>
        Analyse([series.ToArray()], replicas: 1, means => means[0], s);

    /// <summary>
    /// Analyses f(ā) for primaries given as <c>primaries[α][i]</c>, i = 0..N−1, the R replicas stored one after the
    /// other (N/R measurements each).
    /// </summary>
    /// <exception cref="ArgumentException">When there are no primaries, the series differ in length, N is not a multiple of R, or a replica has fewer than 2 measurements.</exception>
    public static GammaMethodEstimate Analyse(IReadOnlyList<double[]> primaries, int replicas, Func<double[], double> f, double s = DefaultS)
    {
        ArgumentNullException.ThrowIfNull(primaries);
        ArgumentNullException.ThrowIfNull(f);
        if (primaries.Count == 0) throw new ArgumentException("need at least one primary observable.", nameof(primaries));
        int n = primaries[0].Length;
        if (primaries.Any(p => p.Length != n)) throw new ArgumentException("all primary series must have the same length.", nameof(primaries));
        if (replicas < 1 || n % replicas != 0 || n / replicas < 2)
            throw new ArgumentException($"{n} measurements cannot be split into {replicas} replicas of equal length ≥ 2.", nameof(replicas));
        int count = primaries.Count, length = n / replicas;
        var means = new double[count];
        var errors = new double[count];
        for (int a = 0; a < count; a++)
        {
            double sum = 0;
            foreach (double v in primaries[a]) sum += v;
            means[a] = sum / n;
            double ss = 0;
            foreach (double v in primaries[a]) ss += (v - means[a]) * (v - means[a]);
            errors[a] = Math.Sqrt(ss / n / n);
        }
        double value = f(means);
        var gradient = new double[count];
        for (int a = 0; a < count; a++)
        {
            double h = errors[a] > 0 ? errors[a] : 0;
            if (h == 0) continue;
            var plus = (double[])means.Clone();
            var minus = (double[])means.Clone();
            plus[a] += h;
            minus[a] -= h;
            gradient[a] = (f(plus) - f(minus)) / (2 * h);
        }
        var deviation = new double[n];
        for (int a = 0; a < count; a++)
        {
            if (gradient[a] == 0) continue;
            var series = primaries[a];
            for (int i = 0; i < n; i++) deviation[i] += gradient[a] * (series[i] - means[a]);
        }
        return Window(value, deviation, replicas, length, s);
    }

    static GammaMethodEstimate Window(double value, double[] deviation, int replicas, int length, double s)
    {
        int n = deviation.Length;
        double Gamma(int t)
        {
            double sum = 0;
            for (int r = 0; r < replicas; r++)
            {
                int offset = r * length;
                for (int i = 0; i < length - t; i++) sum += deviation[offset + i] * deviation[offset + i + t];
            }
            return sum / (n - replicas * t);
        }
        double gamma0 = Gamma(0);
        if (!(gamma0 > 0)) return new GammaMethodEstimate(value, 0, 0.5, 0, 0, n);
        int maxWindow = Math.Max(1, length / 2);
        double sumGamma = 0;
        int window = maxWindow;
        for (int w = 1; w <= maxWindow; w++)
        {
            sumGamma += Gamma(w);
            double tauIntW = 0.5 + sumGamma / gamma0;
            double tau = tauIntW <= 0.5 ? 1e-6 : s / Math.Log((2 * tauIntW + 1) / (2 * tauIntW - 1));
            double g = Math.Exp(-w / tau) - tau / Math.Sqrt((double)w * n);
            if (g < 0)
            {
                window = w;
                break;
            }
        }
        double cF = gamma0 + 2 * sumGamma;
        // Bias correction of the mean subtraction (Wolff Eq. 49): Γ(t) += C_F/N for every t.
        double correction = cF / n;
        double correctedGamma0 = gamma0 + correction;
        double correctedCF = cF + (2 * window + 1) * correction;
        double tauInt = correctedCF / (2 * correctedGamma0);
        double error = Math.Sqrt(Math.Max(0, correctedCF) / n);
        double tauError = tauInt * Math.Sqrt(Math.Max(0, 4 * (window + 0.5 - tauInt)) / n);
        return new GammaMethodEstimate(value, error, tauInt, tauError, window, n);
    }
}
