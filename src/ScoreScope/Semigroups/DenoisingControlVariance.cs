using ScoreScope.Numerics;
using static TorchSharp.torch;

namespace ScoreScope.Semigroups;

/// <summary>
/// Measures the variance the OISM control removes from denoising score matching (<see cref="DenoisingVarianceEstimate"/>):
/// draws x_t | x_0 exactly, evaluates the DSM target u = ∇ log k_t(x_t | x_0) and the OISM score s̃_t(x_t), and reports
/// the plain and controlled (u − s̃_t) second moments, gradient and loss variances.
/// </summary>
/// <remarks>
/// Shen, Wang, Riabiz, Oates (2025), arXiv 2406.09084v2 (OISM "as a variance-reduction technique", v1 abstract; the residual
/// model of §4); docs/science/operator-informed.md §3.1 ("Why it reduces variance") and §5.8: E|u|² = d/(1 − e^{−2t}) for
/// OU, ≈ d/(2t) as t → 0. Since E[u | x_t] = ∇log ρ_t(x_t), E|u − s̃|² = E|u − ∇log ρ_t|² + E|∇log ρ_t − s̃|²: the control
/// removes at most the Fisher information E|∇log ρ_t|² of ρ_t, and leaves the conditional variance of u.
/// Every noise draw comes from the given torch generator.
/// </remarks>
public static class DenoisingControlVariance
{
    /// <summary>
    /// OU dX = −X dt + √2 dW: x_t = e^{−t}x_0 + σ_t·z, σ_t² = 1 − e^{−2t}, u = −z/σ_t, control the product-Hermite OISM.
    /// </summary>
    /// <param name="data">x_0 samples [n][d], n ≥ 2 (one x_t per x_0).</param>
    /// <param name="control">The OISM score s̃ of the same dimension.</param>
    /// <param name="time">t &gt; 0.</param>
    /// <param name="generator">The seeded generator of z.</param>
    /// <exception cref="ArgumentException">For fewer than 2 points or a dimension other than the control's.</exception>
    /// <exception cref="ArgumentOutOfRangeException">For t ≤ 0 or not finite.</exception>
    public static DenoisingVarianceEstimate OrnsteinUhlenbeck(IReadOnlyList<double[]> data, ProductHermiteOism control, double time, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(control);
        int d = RequireData(data, control.Dimension);
        SemigroupChecks.RequireTime(time);
        ArgumentNullException.ThrowIfNull(generator);
        double a = Math.Exp(-time), sigma = Math.Sqrt(-ExponentialMinusOne.Evaluate(-2 * time));
        var z = Draw(data.Count, d, generator);
        var coefficients = control.Coefficients(time);
        var targets = new double[data.Count][];
        var controls = new double[data.Count][];
        var x = new double[d];
        for (int i = 0; i < data.Count; i++)
        {
            targets[i] = new double[d];
            for (int j = 0; j < d; j++)
            {
                x[j] = a * data[i][j] + sigma * z[i * d + j];
                targets[i][j] = -z[i * d + j] / sigma;
            }
            controls[i] = control.Score(coefficients, x);
        }
        return FromTargets(time, targets, controls, d / (sigma * sigma));
    }

    /// <summary>
    /// Brownian motion with generator Δ on T^d: x_t = x_0 + √(2t)·z, u the wrapped-Gaussian (theta-series) score
    /// (<see cref="TorusDenoisingTrainer.ScaledTarget"/>), control the full-basis torus OISM. No closed-form oracle
    /// (<see cref="DenoisingVarianceEstimate.OracleSecondMoment"/> is NaN; it tends to d/(2t) as t → 0).
    /// </summary>
    /// <exception cref="ArgumentException">For fewer than 2 points or a dimension other than the control's.</exception>
    /// <exception cref="ArgumentOutOfRangeException">For t ≤ 0 or not finite.</exception>
    public static DenoisingVarianceEstimate Torus(IReadOnlyList<double[]> data, TorusFullBasisOism control, double time, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(control);
        int d = RequireData(data, control.Dimension);
        SemigroupChecks.RequireTime(time);
        ArgumentNullException.ThrowIfNull(generator);
        double sigma = Math.Sqrt(2 * time);
        var z = Draw(data.Count, d, generator);
        double[] scaled;
        using (var zt = tensor(z, [data.Count, d], dtype: ScalarType.Float64))
        using (var s = ScalarArithmetic.Full([data.Count, 1], sigma, ScalarType.Float64))
        using (var u = TorusDenoisingTrainer.ScaledTarget(zt, s, (int)Math.Ceiling(sigma * 20 / (2 * Math.PI)) + 1))
            scaled = u.data<double>().ToArray();
        var coefficients = control.Coefficients(time);
        var targets = new double[data.Count][];
        var controls = new double[data.Count][];
        var x = new double[d];
        for (int i = 0; i < data.Count; i++)
        {
            targets[i] = new double[d];
            for (int j = 0; j < d; j++)
            {
                x[j] = data[i][j] + sigma * z[i * d + j];
                targets[i][j] = scaled[i * d + j] / sigma;
            }
            controls[i] = new double[d];
            control.Score(coefficients, x, controls[i]);
        }
        return FromTargets(time, targets, controls, double.NaN);
    }

    /// <summary>The estimate from given targets u_i and controls s̃(x_t,i) (each [n][d], n ≥ 2).</summary>
    /// <exception cref="ArgumentException">For fewer than 2 rows or mismatched shapes.</exception>
    public static DenoisingVarianceEstimate FromTargets(double time, IReadOnlyList<double[]> targets, IReadOnlyList<double[]> controls, double oracleSecondMoment)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(controls);
        if (targets.Count < 2 || controls.Count != targets.Count)
            throw new ArgumentException($"need n ≥ 2 targets and as many controls; got {targets.Count} and {controls.Count}.", nameof(targets));
        int n = targets.Count, d = targets[0].Length;
        if (targets.Any(u => u.Length != d) || controls.Any(c => c.Length != d))
            throw new ArgumentException($"every target and control needs dimension {d}.", nameof(controls));
        var controlled = targets.Select((u, i) => u.Select((v, j) => v - controls[i][j]).ToArray()).ToArray();
        var (plainMean, plainError, plainVariance) = Moments(targets);
        var (controlledMean, controlledError, controlledVariance) = Moments(controlled);
        return new DenoisingVarianceEstimate(time, n, d, oracleSecondMoment, plainMean, plainError, controlledMean, controlledError,
            4 * TraceCovariance(targets), 4 * TraceCovariance(controlled), plainVariance, controlledVariance);
    }

    // mean, SE and unbiased variance of |w|²
    static (double Mean, double Error, double Variance) Moments(IReadOnlyList<double[]> rows)
    {
        var squares = rows.Select(w => w.Sum(v => v * v)).ToArray();
        double mean = squares.Average();
        double variance = squares.Sum(s => (s - mean) * (s - mean)) / (squares.Length - 1);
        return (mean, Math.Sqrt(variance / squares.Length), variance);
    }

    static double TraceCovariance(IReadOnlyList<double[]> rows)
    {
        int d = rows[0].Length;
        double trace = 0;
        for (int j = 0; j < d; j++)
        {
            double mean = rows.Average(w => w[j]);
            trace += rows.Sum(w => (w[j] - mean) * (w[j] - mean)) / (rows.Count - 1);
        }
        return trace;
    }

    static double[] Draw(int count, int dimension, Generator generator)
    {
        using var z = randn([count, dimension], dtype: ScalarType.Float64, generator: generator);
        return z.data<double>().ToArray();
    }

    static int RequireData(IReadOnlyList<double[]> data, int dimension)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Count < 2 || data.Any(p => p.Length != dimension))
            throw new ArgumentException($"need at least 2 points of dimension {dimension}.", nameof(data));
        return dimension;
    }
}
