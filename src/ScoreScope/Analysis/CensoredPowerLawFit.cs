using MathNet.Numerics.LinearAlgebra;

namespace ScoreScope.Analysis;

/// <summary>
/// A power law y ≈ C·x^p fitted by maximum likelihood to right-censored data: log y_i = log C + p·log x_i + σ·ε_i with
/// ε_i ~ N(0, 1), where a censored observation only says that y_i exceeds the recorded value c_i (a replica that had not
/// escaped when the step budget c_i ran out). This is the Tobit model (Tobin 1958, Econometrica 26, 24) on log y; the
/// log-likelihood is Σ_observed [−log σ − z_i²/2] + Σ_censored log(1 − Φ(w_i)) with z_i = (log y_i − μ_i)/σ,
/// w_i = (log c_i − μ_i)/σ, μ_i = log C + p·log x_i (constants dropped).
/// </summary>
/// <remarks>
/// <para>
/// Why: least squares over the escaped replicas only (<see cref="PowerLawFit"/>) drops exactly the slowest replicas, and
/// it drops more of them at large x, so it biases the exponent low whenever the budget censors the largest dimensions
/// of a sample-complexity sweep. The likelihood uses the censored replicas for what they are: lower bounds.
/// </para>
/// <para>
/// How: Newton's method in Olsen's reparametrisation θ = (log C/σ, p/σ, 1/σ) (Olsen 1978, Econometrica 46, 1211), in
/// which the log-likelihood is globally concave, with the analytic Hessian and a backtracking line search; the starting
/// point is least squares over the observed values. Standard errors are the delta method applied to the inverse observed
/// information in θ (asymptotic; no small-sample correction). Without censored values the estimate of p and log C is
/// exactly the least-squares one, and σ̂² = RSS/n (the maximum-likelihood variance, not RSS/(n − 2)).
/// </para>
/// </remarks>
/// <param name="Exponent">The fitted exponent p.</param>
/// <param name="ExponentStandardError">The asymptotic standard error of p.</param>
/// <param name="LogPrefactor">The fitted log C.</param>
/// <param name="LogPrefactorStandardError">The asymptotic standard error of log C.</param>
/// <param name="LogScatter">σ̂, the fitted standard deviation of log y about the line.</param>
/// <param name="Count">The number of values used (observed and censored).</param>
/// <param name="Censored">How many of them are censored.</param>
public sealed record CensoredPowerLawFit(double Exponent, double ExponentStandardError, double LogPrefactor, double LogPrefactorStandardError,
    double LogScatter, int Count, int Censored)
{
    const int MaximumIterations = 200;

    /// <summary>Fits y = C·x^p to (x_i, y_i), where y_i is a lower bound of the unobserved value when censored[i] is true.</summary>
    /// <param name="x">Positive, finite abscissae (at least two distinct among the observed values).</param>
    /// <param name="y">Positive, finite values: the observation, or for a censored entry the value it is known to exceed.</param>
    /// <param name="censored">Which entries are censored.</param>
    /// <exception cref="ArgumentException">When lengths differ, a value is not positive and finite, fewer than 3 values are
    /// observed, or the observed x are all equal.</exception>
    /// <exception cref="ArithmeticException">When Newton's method does not converge in 200 iterations (e.g. every value at the
    /// largest x censored below every observed value, where the likelihood has no maximum).</exception>
    public static CensoredPowerLawFit Fit(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<bool> censored)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(censored);
        if (x.Count != y.Count || x.Count != censored.Count)
            throw new ArgumentException($"x, y and censored must have equal lengths; got {x.Count}, {y.Count} and {censored.Count}.", nameof(censored));
        for (int i = 0; i < x.Count; i++)
        {
            if (!(x[i] > 0) || !(y[i] > 0) || !double.IsFinite(x[i]) || !double.IsFinite(y[i]))
                throw new ArgumentException($"pair {i} = ({x[i]}, {y[i]}) is not positive and finite.", nameof(y));
        }
        int n = x.Count;
        var lx = x.Select(v => Math.Log(v)).ToArray();
        var ly = y.Select(v => Math.Log(v)).ToArray();
        var observed = Enumerable.Range(0, n).Where(i => !censored[i]).ToArray();
        if (observed.Length < 3)
            throw new ArgumentException($"need ≥ 3 observed (uncensored) values; got {observed.Length} of {n}.", nameof(censored));
        if (observed.Select(i => lx[i]).Distinct().Count() < 2)
            throw new ArgumentException("the observed values all share one x; the exponent is undetermined.", nameof(x));

        var start = PowerLawFit.Fit(observed.Select(i => x[i]).ToArray(), observed.Select(i => y[i]).ToArray());
        double startScatter = Math.Sqrt(observed.Sum(i => Square(ly[i] - start.LogPrefactor - start.Exponent * lx[i])) / observed.Length);
        if (!(startScatter > 0)) startScatter = 1e-3 * (1 + Math.Abs(start.LogPrefactor));
        var theta = new[] { start.LogPrefactor / startScatter, start.Exponent / startScatter, 1 / startScatter };
        double current = LogLikelihood(theta, lx, ly, censored);
        var gradient = new double[3];
        var hessian = new double[3, 3];
        bool converged = false;
        double previousDecrement = double.PositiveInfinity;
        for (int iteration = 0; iteration < MaximumIterations && !converged; iteration++)
        {
            Derivatives(theta, lx, ly, censored, gradient, hessian);
            var g = Vector<double>.Build.Dense(gradient);
            var step = Matrix<double>.Build.DenseOfArray(hessian).Solve(g).Negate();
            // The Newton decrement gᵀ(−H)⁻¹g: twice the predicted gain of the full step.
            double decrement = step.DotProduct(g);
            if (!double.IsFinite(decrement) || decrement < 0) break;
            double size = 1 + Math.Abs(current);
            // Converged at a vanishing decrement, or when it stops falling at the rounding floor of Newton's quadratic phase.
            if (decrement <= 1e-28 * size || (decrement <= 1e-8 * size && decrement >= previousDecrement)) { converged = true; break; }
            previousDecrement = decrement;
            var trial = new double[3];
            if (decrement <= 1e-6 * size)
            {
                // Quadratic phase: the full step; a line search would only compare log-likelihoods at their rounding level.
                for (int k = 0; k < 3; k++) trial[k] = theta[k] + step[k];
                if (!(trial[2] > 0)) break;
                Array.Copy(trial, theta, 3);
                current = LogLikelihood(theta, lx, ly, censored);
                continue;
            }
            double scale = 1;
            double next = double.NegativeInfinity;
            for (int halving = 0; halving < 60; halving++)
            {
                for (int k = 0; k < 3; k++) trial[k] = theta[k] + scale * step[k];
                if (trial[2] > 0)
                {
                    next = LogLikelihood(trial, lx, ly, censored);
                    if (next > current) break;
                }
                scale /= 2;
            }
            if (!(next > current)) break;
            Array.Copy(trial, theta, 3);
            current = next;
        }
        if (!converged)
            throw new ArithmeticException($"the censored power-law fit did not converge ({n} values, {n - observed.Length} censored): the likelihood may have no maximum.");

        Derivatives(theta, lx, ly, censored, gradient, hessian);
        var covariance = Matrix<double>.Build.DenseOfArray(hessian).Negate().Inverse();
        double h = theta[2];
        var exponentGradient = Vector<double>.Build.Dense([0, 1 / h, -theta[1] / (h * h)]);
        var prefactorGradient = Vector<double>.Build.Dense([1 / h, 0, -theta[0] / (h * h)]);
        return new CensoredPowerLawFit(theta[1] / h, Math.Sqrt(exponentGradient * covariance * exponentGradient),
            theta[0] / h, Math.Sqrt(prefactorGradient * covariance * prefactorGradient), 1 / h, n, n - observed.Length);
    }

    /// <inheritdoc/>
    public override string ToString() => $"p = {Exponent:F4} ± {ExponentStandardError:F4} (n = {Count}, {Censored} censored)";

    static double Square(double v) => v * v;

    /// <summary>Σ_observed [log h − (h·ly − b₀ − b₁·lx)²/2] + Σ_censored log S(h·ly − b₀ − b₁·lx), S = 1 − Φ.</summary>
    static double LogLikelihood(double[] theta, double[] lx, double[] ly, IReadOnlyList<bool> censored)
    {
        double sum = 0;
        for (int i = 0; i < lx.Length; i++)
        {
            double r = theta[2] * ly[i] - theta[0] - theta[1] * lx[i];
            sum += censored[i] ? LogSurvival(r) : Math.Log(theta[2]) - 0.5 * r * r;
        }
        return sum;
    }

    /// <summary>The gradient and Hessian of <see cref="LogLikelihood"/> in θ = (b₀, b₁, h).</summary>
    static void Derivatives(double[] theta, double[] lx, double[] ly, IReadOnlyList<bool> censored, double[] gradient, double[,] hessian)
    {
        Array.Clear(gradient);
        Array.Clear(hessian);
        for (int i = 0; i < lx.Length; i++)
        {
            double r = theta[2] * ly[i] - theta[0] - theta[1] * lx[i];
            // ∂r/∂θ = (−1, −lx, ly).
            double[] dr = [-1, -lx[i], ly[i]];
            double first, second;
            if (censored[i])
            {
                // d log S/dr = −λ(r), d² log S/dr² = −λ(λ − r), λ the inverse Mills ratio φ/S.
                double lambda = Math.Exp(-0.5 * r * r - 0.5 * Math.Log(2 * Math.PI) - LogSurvival(r));
                first = -lambda;
                second = -lambda * (lambda - r);
            }
            else
            {
                first = -r;
                second = -1;
                gradient[2] += 1 / theta[2];
                hessian[2, 2] -= 1 / (theta[2] * theta[2]);
            }
            for (int a = 0; a < 3; a++)
            {
                gradient[a] += first * dr[a];
                for (int b = 0; b < 3; b++) hessian[a, b] += second * dr[a] * dr[b];
            }
        }
    }

    /// <summary>log(1 − Φ(r)), accurate in both tails (the asymptotic series beyond r = 30, where erfc underflows).</summary>
    static double LogSurvival(double r)
    {
        if (r < 30) return Math.Log(0.5 * MathNet.Numerics.SpecialFunctions.Erfc(r / Math.Sqrt(2)));
        double inverse2 = 1 / (r * r);
        return -0.5 * r * r - Math.Log(r) - 0.5 * Math.Log(2 * Math.PI) + Math.Log(1 - inverse2 + 3 * inverse2 * inverse2);
    }
}
