using ScoreScope.Processes;

namespace ScoreScope.Sampling;

/// <summary>
/// Host-side time grids t₀ = T &gt; t₁ &gt; … &gt; t_N = t_min for the samplers, as float64 arrays of length N + 1
/// (k-diffusion's <c>get_sigmas_*</c>, in diffusion time rather than σ). Grids that are defined in the noise-to-signal
/// ratio σ(t) = b(t)/a(t) are mapped back to t with <see cref="ForwardProcess.TimeAtNoiseToSignal"/>; their first
/// and last entries are exactly T and t_min. Every grid takes an optional start time t_start ∈ (t_min, T] in place of T,
/// for sampling that starts from given noised data at t_start (SDEdit-style; Meng et al. 2022).
/// </summary>
/// <remarks>
/// Sampling stops at t_min &gt; 0 rather than 0 "to avoid numerical issues" (score_sde's <c>eps</c>): the score of
/// data with small variance (or on a manifold) blows up as b(t) → 0. <see cref="DefaultMinimumTime"/> = 10⁻³ is
/// score_sde's sampling eps for VP and sub-VP; score_sde uses 10⁻⁵ for VE. At t = 10⁻³ the leftover noise is
/// b ≈ 0.010 for VP(β 0.1..20) and b ≈ 1.3·10⁻³ for VE(σ 0.01..50), negligible against unit-scale data; the optional
/// final Tweedie step (<see cref="SamplingOptions.DenoiseFinal"/>) removes most of it.
/// </remarks>
public static class TimeGrid
{
    /// <summary>Default final time t_min = 10⁻³ (score_sde's sampling eps for VP).</summary>
    public const double DefaultMinimumTime = 1e-3;

    /// <summary>Default ρ = 7 of the Karras grid (Karras et al. 2022, Sec. 3).</summary>
    public const double DefaultRho = 7.0;

    /// <summary>Builds a grid of the given kind; <paramref name="rho"/> is used by <see cref="TimeGridKind.Karras"/> only.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For an unknown kind, steps &lt; 1, t_min outside (0, T) or ρ ≤ 0.</exception>
    public static double[] Create(TimeGridKind kind, ForwardProcess process, int steps,
        double minimumTime = DefaultMinimumTime, double rho = DefaultRho, double? startTime = null) => kind switch
        {
            TimeGridKind.Uniform => Uniform(process, steps, minimumTime, startTime),
            TimeGridKind.LogSpaced => LogSpaced(process, steps, minimumTime, startTime),
            TimeGridKind.Geometric => Geometric(process, steps, minimumTime, startTime),
            TimeGridKind.Karras => Karras(process, steps, minimumTime, rho, startTime),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown time-grid kind."),
        };

    /// <summary>Uniform grid t_i = T + (i/N)(t_min − T), i = 0..N.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For steps &lt; 1 or t_min outside (0, T).</exception>
    public static double[] Uniform(ForwardProcess process, int steps, double minimumTime = DefaultMinimumTime, double? startTime = null)
    {
        double end = Validate(process, steps, minimumTime, startTime);
        return Build(steps, end, minimumTime, u => end + u * (minimumTime - end));
    }

    /// <summary>Log-spaced grid t_i = T·(t_min/T)^{i/N}: equal ratios of consecutive times, dense near t_min.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For steps &lt; 1 or t_min outside (0, T).</exception>
    public static double[] LogSpaced(ForwardProcess process, int steps, double minimumTime = DefaultMinimumTime, double? startTime = null)
    {
        double end = Validate(process, steps, minimumTime, startTime);
        return Build(steps, end, minimumTime, u => end * Math.Pow(minimumTime / end, u));
    }

    /// <summary>
    /// Geometric grid in σ = b/a: σ_i = σ_max(σ_min/σ_max)^{i/N} with σ_max = σ(T), σ_min = σ(t_min), mapped to t
    /// (the geometric noise levels of SMLD, Song &amp; Ermon 2019; k-diffusion <c>get_sigmas_exponential</c>). For
    /// <see cref="VarianceExplodingProcess.Geometric"/> it is nearly the uniform grid in t.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">For steps &lt; 1 or t_min outside (0, T).</exception>
    public static double[] Geometric(ForwardProcess process, int steps, double minimumTime = DefaultMinimumTime, double? startTime = null)
    {
        double end = Validate(process, steps, minimumTime, startTime);
        double sMax = process.NoiseToSignal(end), sMin = process.NoiseToSignal(minimumTime);
        return Build(steps, end, minimumTime, u => process.TimeAtNoiseToSignal(sMax * Math.Pow(sMin / sMax, u)));
    }

    /// <summary>
    /// The EDM grid of Karras et al. (2022), Eq. 5, in σ = b/a: σ_i = (σ_max^{1/ρ} + (i/N)(σ_min^{1/ρ} − σ_max^{1/ρ}))^ρ
    /// with σ_max = σ(T), σ_min = σ(t_min), mapped to t (k-diffusion <c>get_sigmas_karras</c> without the trailing 0).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">For steps &lt; 1, t_min outside (0, T) or ρ ≤ 0.</exception>
    public static double[] Karras(ForwardProcess process, int steps, double minimumTime = DefaultMinimumTime, double rho = DefaultRho,
        double? startTime = null)
    {
        double end = Validate(process, steps, minimumTime, startTime);
        if (!(rho > 0) || !double.IsFinite(rho))
            throw new ArgumentOutOfRangeException(nameof(rho), rho, "ρ must be finite and > 0.");
        double rMax = Math.Pow(process.NoiseToSignal(end), 1 / rho);
        double rMin = Math.Pow(process.NoiseToSignal(minimumTime), 1 / rho);
        return Build(steps, end, minimumTime, u => process.TimeAtNoiseToSignal(Math.Pow(rMax + u * (rMin - rMax), rho)));
    }

    static double[] Build(int steps, double end, double minimumTime, Func<double, double> timeAt)
    {
        var times = new double[steps + 1];
        times[0] = end;
        for (int i = 1; i < steps; i++) times[i] = timeAt((double)i / steps);
        times[steps] = minimumTime;
        return times;
    }

    static double Validate(ForwardProcess process, int steps, double minimumTime, double? startTime)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        double end = process.EndTime;
        if (!(minimumTime > 0) || !(minimumTime < end))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumTime), minimumTime,
                $"t_min must lie in (0, T) = (0, {end}) for {process}.");
        }
        if (startTime is { } start && !(start > minimumTime && start <= end))
        {
            throw new ArgumentOutOfRangeException(nameof(startTime), start,
                $"the start time must lie in (t_min, T] = ({minimumTime}, {end}] for {process}.");
        }
        return startTime ?? end;
    }
}
