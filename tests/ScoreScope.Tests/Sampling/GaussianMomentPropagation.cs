using ScoreScope.Processes;

namespace ScoreScope.Tests.Sampling;

/// <summary>
/// Exact mean and variance of the samplers' output for Gaussian data N(μ, Σ), one eigen-direction of Σ at a time: the
/// exact score −(x − a_tμ)/(a_t²λ + b_t²) is linear, so each Euler–Maruyama, Euler, Heun or ancestral step is an affine
/// map plus Gaussian noise and the moments propagate in closed form from the prior N(0, σ_p²). This is the
/// discrete-time oracle: it includes every discretisation and prior-mismatch error of the sampler.
/// </summary>
static class GaussianMomentPropagation
{
    /// <summary>Mean and variance at times[^1] along an eigen-direction with eigenvalue λ and mean component μ.</summary>
    public static (double Mean, double Variance) Propagate(string sampler, ForwardProcess p, double lambda, double mu, IReadOnlyList<double> times)
    {
        double m = 0, v = p.PriorStandardDeviation * p.PriorStandardDeviation;
        for (int i = 0; i < times.Count - 1; i++)
        {
            double t = times[i], s = times[i + 1];
            double a = p.A(t), b = p.B(t), c = a * a * lambda + b * b;
            double gain, shift, noiseVariance = 0;
            switch (sampler)
            {
                case "euler-maruyama":
                {
                    double h = t - s, g2 = Math.Pow(p.Diffusion(t), 2);
                    gain = 1 - p.DriftCoefficient(t) * h - g2 * h / c;
                    shift = g2 * h * a * mu / c;
                    noiseVariance = g2 * h;
                    break;
                }
                case "euler":
                case "heun":
                {
                    // velocity v(x, t) = A(t)·x + B(t) with A = f + g²/(2c), B = −g²aμ/(2c)
                    double h = s - t;
                    var (a1, b1) = Velocity(p, lambda, mu, t);
                    var (a2, b2) = Velocity(p, lambda, mu, s);
                    (gain, shift) = sampler == "euler"
                        ? (1 + h * a1, h * b1)
                        : (1 + h / 2 * (a1 + a2 * (1 + h * a1)), h / 2 * (b1 + a2 * h * b1 + b2));
                    break;
                }
                case "ancestral":
                {
                    var (aTs, bTs) = p.Transition(s, t);
                    double bS = p.B(s);
                    double onX = aTs * bS * bS / (b * b), onDenoised = p.A(s) * bTs * bTs / (b * b);
                    // x̂₀ = x(1 − b²/c)/a + b²μ/c
                    gain = onX + onDenoised * (1 - b * b / c) / a;
                    shift = onDenoised * b * b * mu / c;
                    noiseVariance = Math.Pow(bTs * bS / b, 2);
                    break;
                }
                default:
                    throw new ArgumentOutOfRangeException(nameof(sampler), sampler, "no moment propagation for this sampler");
            }
            m = gain * m + shift;
            v = gain * gain * v + noiseVariance;
        }
        return (m, v);
    }

    static (double A, double B) Velocity(ForwardProcess p, double lambda, double mu, double t)
    {
        double a = p.A(t), b = p.B(t), c = a * a * lambda + b * b, g2 = Math.Pow(p.Diffusion(t), 2);
        return (p.DriftCoefficient(t) + g2 / (2 * c), -g2 * a * mu / (2 * c));
    }
}
