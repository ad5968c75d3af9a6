namespace ScoreScope.Analysis;

/// <summary>
/// Exact relations between moments, cumulants and k-statistics (Kendall &amp; Stuart, The Advanced Theory of
/// Statistics, Vol. 1, Ch. 3 and 12; Fisher 1930, Proc. London Math. Soc. 30, 199).
/// </summary>
public static class CumulantRelations
{
    /// <summary>
    /// Cumulants κ_1..κ_n (index 0 = κ_1, which is returned as 0) from central moments m_0 = 1, m_1 = 0, m_2..m_n
    /// (span index p holds m_p), by κ_n = m_n − Σ_{j=2}^{n−2} C(n−1, j−1) κ_j m_{n−j} (Kendall &amp; Stuart §3.14).
    /// Cumulants of order ≥ 2 are shift invariant, so central moments give them directly; e.g.
    /// κ_4 = m_4 − 3m_2², κ_6 = m_6 − 15m_4m_2 − 10m_3² + 30m_2³.
    /// </summary>
    /// <exception cref="ArgumentException">When fewer than two entries are given.</exception>
    public static double[] CumulantsFromCentralMoments(ReadOnlySpan<double> centralMoments)
    {
        int order = centralMoments.Length - 1;
        if (order < 1) throw new ArgumentException($"need m_0..m_n with n ≥ 1; got {centralMoments.Length} entries.", nameof(centralMoments));
        var kappa = new double[order + 1]; // kappa[j] = κ_j
        for (int n = 2; n <= order; n++)
        {
            double s = centralMoments[n];
            for (int j = 2; j <= n - 2; j++) s -= Binomial(n - 1, j - 1) * kappa[j] * centralMoments[n - j];
            kappa[n] = s;
        }
        return kappa[1..];
    }

    /// <summary>
    /// Fisher's k-statistics k1..k4 from the count n, the mean and the central sums M2, M3, M4 (Fisher 1930;
    /// Kendall &amp; Stuart Eq. 12.13 with the power sums taken about the mean, S1 = 0). Entries that need more
    /// values than n (k2: n ≥ 2, k3: n ≥ 3, k4: n ≥ 4) are NaN.
    /// </summary>
    public static double[] KStatistics(long count, double mean, double m2Sum, double m3Sum, double m4Sum)
    {
        double n = count;
        return
        [
            count >= 1 ? mean : double.NaN,
            count >= 2 ? m2Sum / (n - 1) : double.NaN,
            count >= 3 ? n * m3Sum / ((n - 1) * (n - 2)) : double.NaN,
            count >= 4 ? n * ((n + 1) * m4Sum - 3 * (n - 1) * m2Sum * m2Sum / n) / ((n - 1) * (n - 2) * (n - 3)) : double.NaN,
        ];
    }

    /// <summary>
    /// The joint cumulant κ(X_1, …, X_n) from joint moments by the partition formula
    /// κ = Σ_π (|π| − 1)! (−1)^{|π|−1} Π_{B ∈ π} E[Π_{i∈B} X_i] (Kendall &amp; Stuart §13.2; Leonov &amp; Shiryaev 1959).
    /// <paramref name="moment"/> maps a non-empty subset of {0..n−1}, given as a bit mask, to E[Π_{i∈B} X_i].
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">For n outside 1..8.</exception>
    public static double JointCumulant(int n, Func<int, double> moment)
    {
        ArgumentNullException.ThrowIfNull(moment);
        if (n < 1 || n > 8) throw new ArgumentOutOfRangeException(nameof(n), n, "order must be in 1..8.");
        double total = 0;
        var blocks = new List<int>();
        void Recurse(int remaining)
        {
            if (remaining == 0)
            {
                double term = Factorial(blocks.Count - 1) * ((blocks.Count - 1) % 2 == 0 ? 1 : -1);
                foreach (int b in blocks) term *= moment(b);
                total += term;
                return;
            }
            int lowest = remaining & -remaining;
            int rest = remaining & ~lowest;
            // Every block containing the lowest remaining element: lowest ∪ (any subset of rest).
            for (int sub = rest; ; sub = (sub - 1) & rest)
            {
                blocks.Add(lowest | sub);
                Recurse(rest & ~sub);
                blocks.RemoveAt(blocks.Count - 1);
                if (sub == 0) break;
            }
        }
        Recurse((1 << n) - 1);
        return total;
    }

    /// <summary>The binomial coefficient C(n, k) as a double.</summary>
    public static double Binomial(int n, int k)
    {
        if (k < 0 || k > n) return 0;
        double c = 1;
        for (int i = 1; i <= k; i++) c = c * (n - k + i) / i;
        return c;
    }

    static double Factorial(int n)
    {
        double f = 1;
        for (int i = 2; i <= n; i++) f *= i;
        return f;
    }
}
