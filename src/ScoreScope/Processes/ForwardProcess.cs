using ScoreScope.Numerics;
using TorchSharp;
using static TorchSharp.torch;

namespace ScoreScope.Processes;

/// <summary>
/// A linear forward (noising) SDE dx = f(t)·x dt + g(t) dW on [0, <see cref="EndTime"/>], in the spirit of
/// score_sde's <c>SDE</c> class (Song et al. 2021, "Score-Based Generative Modeling through SDEs", Eq. 5).
/// Its marginal given x₀ is Gaussian: x_t = a(t)·x₀ + b(t)·z, z ~ N(0, I), with
/// a(t) = exp(∫₀ᵗ f) and b(t)² = ∫₀ᵗ a(t)²/a(s)² g(s)² ds (Song et al. 2021, Eq. 29–30 / Särkkä &amp; Solin Eq. 5.50).
/// </summary>
/// <remarks>
/// Every coefficient is a float64 function of a scalar time. Tensor methods are rank-generic: data has shape
/// [batch, …]. Times per sample ([B] tensors) are supported by <see cref="A(Tensor)"/> and <see cref="B(Tensor)"/>.
/// The discretisation (number of steps) belongs to samplers, never to the process.
/// </remarks>
public abstract class ForwardProcess
{
    /// <summary>End time T of the process (1 for every built-in process).</summary>
    public virtual double EndTime => 1.0;

    /// <summary>The linear drift coefficient f(t), so that the drift is f(x, t) = f(t)·x.</summary>
    public abstract double DriftCoefficient(double t);

    /// <summary>The diffusion coefficient g(t).</summary>
    public abstract double Diffusion(double t);

    /// <summary>The signal scale a(t) = exp(∫₀ᵗ f(s) ds) of the marginal x_t = a(t)·x₀ + b(t)·z.</summary>
    public abstract double A(double t);

    /// <summary>The noise scale b(t) of the marginal x_t = a(t)·x₀ + b(t)·z.</summary>
    public abstract double B(double t);

    /// <summary>Standard deviation of the prior N(0, σ_p² I) from which reverse-time sampling starts.</summary>
    public virtual double PriorStandardDeviation => B(EndTime);

    /// <summary>The noise-to-signal ratio σ(t) = b(t)/a(t) (EDM's σ for a process with scale s(t) = a(t)).</summary>
    public double NoiseToSignal(double t) => B(t) / A(t);

    /// <summary>
    /// The time t at which <see cref="NoiseToSignal"/> equals <paramref name="sigma"/> (it increases strictly in t),
    /// found by bisection to machine precision. Used by EDM-ρ time grids.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When σ lies outside (σ(0), σ(T)].</exception>
    public double TimeAtNoiseToSignal(double sigma)
    {
        double lo = 0, hi = EndTime;
        double sigmaHi = NoiseToSignal(hi);
        if (!(sigma > 0) || sigma > sigmaHi * (1 + 1e-12))
        {
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma,
                $"σ = {sigma} is outside the range (0, {sigmaHi}] reached by {this} on [0, {EndTime}].");
        }
        for (int i = 0; i < 200 && hi - lo > 1e-15 * Math.Max(1, hi); i++)
        {
            double mid = 0.5 * (lo + hi);
            if (NoiseToSignal(mid) < sigma) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /// <summary>a(t) for a [B] tensor of times, in float64 (evaluated per element).</summary>
    public Tensor A(Tensor t) => MapTimes(t, A);

    /// <summary>b(t) for a [B] tensor of times, in float64 (evaluated per element).</summary>
    public Tensor B(Tensor t) => MapTimes(t, B);

    /// <summary>g(t) for a [B] tensor of times, in float64 (evaluated per element).</summary>
    public Tensor Diffusion(Tensor t) => MapTimes(t, Diffusion);

    /// <summary>The drift f(x, t) = f(t)·x.</summary>
    public Tensor Drift(Tensor x, double t) => x.Multiply(DriftCoefficient(t));

    /// <summary>Draws x_t = a(t)·x₀ + b(t)·z with z from <paramref name="generator"/>.</summary>
    public Tensor SampleMarginal(Tensor x0, double t, Generator generator)
    {
        using var scope = NewDisposeScope();
        var z = randn(x0.shape, dtype: x0.dtype, device: x0.device, generator: generator);
        return (x0.Multiply(A(t)).Add(z.Multiply(B(t)))).MoveToOuterDisposeScope();
    }

    /// <summary>Draws from the prior N(0, σ_p² I) with the given shape [batch, …].</summary>
    public Tensor SamplePrior(long[] shape, Generator generator, ScalarType dtype = ScalarType.Float64, Device? device = null)
    {
        using var scope = NewDisposeScope();
        var z = randn(shape, dtype: dtype, device: device ?? CPU, generator: generator);
        return (z.Multiply(PriorStandardDeviation)).MoveToOuterDisposeScope();
    }

    /// <summary>Log-density of the prior N(0, σ_p² I) for a batch [B, …]; returns [B].</summary>
    public Tensor PriorLogDensity(Tensor z)
    {
        using var scope = NewDisposeScope();
        double s2 = PriorStandardDeviation * PriorStandardDeviation;
        long n = Shapes.EventSize(z);
        var quad = Shapes.SumEvent(z.to_type(ScalarType.Float64).Square());
        return (quad.Multiply(-0.5 / s2).Subtract(0.5 * n * Math.Log(2 * Math.PI * s2))).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Drift of the reverse-time SDE, f(x,t) − g(t)²·s(x,t) (Anderson 1982; Song et al. 2021, Eq. 6), integrated
    /// backwards in time.
    /// </summary>
    public Tensor ReverseDrift(Tensor x, double t, Tensor score)
    {
        double g = Diffusion(t);
        return x.Multiply(DriftCoefficient(t)) - score.Multiply(g * g);
    }

    /// <summary>Drift of the probability-flow ODE, f(x,t) − ½g(t)²·s(x,t) (Song et al. 2021, Eq. 13).</summary>
    public Tensor ProbabilityFlowDrift(Tensor x, double t, Tensor score)
    {
        double g = Diffusion(t);
        return x.Multiply(DriftCoefficient(t)) - score.Multiply(0.5 * g * g);
    }

    /// <summary>
    /// The transition x_t | x_s for s ≤ t: x_t = a(t|s)·x_s + b(t|s)·z with a(t|s) = a(t)/a(s) and
    /// b(t|s)² = b(t)² − a(t|s)²·b(s)².
    /// </summary>
    public (double A, double B) Transition(double s, double t)
    {
        double ats = A(t) / A(s);
        double bt = B(t), bs = B(s);
        return (ats, Math.Sqrt(Math.Max(0, bt * bt - ats * ats * bs * bs)));
    }

    static Tensor MapTimes(Tensor t, Func<double, double> f)
    {
        var times = t.to_type(ScalarType.Float64).cpu().data<double>().ToArray();
        var values = new double[times.Length];
        for (int i = 0; i < times.Length; i++) values[i] = f(times[i]);
        return tensor(values, dtype: ScalarType.Float64).reshape(t.shape).to(t.device);
    }
}
