using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Scores;
using TorchSharp;
using static TorchSharp.torch;

namespace ScoreScope.Sampling;

/// <summary>
/// The arithmetic shared by the samplers, written once (the role of k-diffusion's <c>to_d</c> and score_sde's
/// predictor/corrector <c>update_fn</c>s): the step loop, score evaluation, Tweedie denoising and the reverse-SDE,
/// ancestral and Langevin updates. Times are scalars; tensors are [B, …event] float64.
/// </summary>
public static class SamplerMath
{
    /// <summary>
    /// Runs the step loop shared by all samplers: validates <paramref name="times"/>, copies x to a float64 state and,
    /// for i = 0..N−1, calls <paramref name="step"/>(i, x) inside a per-step dispose scope under no_grad, keeping only
    /// the returned state.
    /// </summary>
    /// <returns>A fresh float64 tensor, the final state.</returns>
    /// <exception cref="ArgumentException">For an invalid time grid.</exception>
    /// <exception cref="OperationCanceledException">When cancelled (checked before every step).</exception>
    public static Tensor Integrate(ForwardProcess process, Tensor x, IReadOnlyList<double> times,
        CancellationToken cancellationToken, Func<int, Tensor, Tensor> step)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(step);
        ThrowIfInvalidTimes(process, times);
        using var outer = NewDisposeScope();
        using var noGrad = no_grad();
        var state = x.to_type(ScalarType.Float64, copy: true);
        for (int i = 0; i < times.Count - 1; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var next = step(i, state).MoveToOuterDisposeScope();
            state.Dispose();
            state = next;
        }
        return state.MoveToOuterDisposeScope();
    }

    /// <summary>Checks that times has ≥ 2 entries, all finite in [0, T] and strictly decreasing.</summary>
    /// <exception cref="ArgumentException">Naming the first offending entry.</exception>
    public static void ThrowIfInvalidTimes(ForwardProcess process, IReadOnlyList<double> times)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(times);
        if (times.Count < 2)
            throw new ArgumentException($"a time grid needs at least 2 entries; got {times.Count}.", nameof(times));
        for (int i = 0; i < times.Count; i++)
        {
            if (!(times[i] >= 0) || !(times[i] <= process.EndTime))
                throw new ArgumentException($"times must lie in [0, T] = [0, {process.EndTime}]; got times[{i}] = {times[i]}.", nameof(times));
            if (i > 0 && !(times[i] < times[i - 1]))
                throw new ArgumentException($"times must be strictly decreasing; got times[{i - 1}] = {times[i - 1]} ≤ times[{i}] = {times[i]}.", nameof(times));
        }
    }

    /// <summary>Evaluates s(x, t) and returns it in float64, checking that it has the shape of x.</summary>
    /// <exception cref="InvalidOperationException">When the score's shape differs from x's.</exception>
    public static Tensor Score(IScoreFunction score, Tensor x, double t)
    {
        var s = score.Score(x, t);
        if (!s.shape.SequenceEqual(x.shape))
            throw new InvalidOperationException($"the score returned {Shapes.Format(s)} for x of shape {Shapes.Format(x)} at t = {t}.");
        return s.dtype == ScalarType.Float64 ? s : s.to_type(ScalarType.Float64);
    }

    /// <summary>Tweedie's formula x̂₀ = E[x₀ | x_t = x] = (x + b(t)²·s)/a(t) (Efron 2011, Eq. 2.8), given s = s(x, t).</summary>
    public static Tensor Denoise(ForwardProcess process, Tensor x, Tensor score, double t) =>
        ScoreConversions.DenoiserFromScore(x, score, process.A(t), process.B(t));

    /// <summary>Calls <paramref name="onStep"/> (if any) with the state and its Tweedie estimate at t_i.</summary>
    public static void Report(Action<SamplerStep>? onStep, ForwardProcess process, int index, double t, Tensor x, Tensor score)
    {
        if (onStep is null) return;
        using var scope = NewDisposeScope();
        onStep(new SamplerStep(index, t, x, Denoise(process, x, score, t)));
    }

    /// <summary>
    /// One Euler–Maruyama step of the reverse-time SDE (Song et al. 2021, Eq. 6; score_sde
    /// <c>EulerMaruyamaPredictor</c>) from t to tNext &lt; t, with h = t − tNext:
    /// mean = x − [f(t)x − g(t)²s]·h, x' = mean + g(t)√h·z.
    /// </summary>
    /// <returns>The next state and its noise-free part.</returns>
    public static (Tensor X, Tensor Mean) EulerMaruyamaStep(ForwardProcess process, Tensor x, Tensor score,
        double t, double tNext, Tensor noise)
    {
        double h = t - tNext;
        var mean = x - process.ReverseDrift(x, t, score) * h;
        return (mean + noise * (process.Diffusion(t) * Math.Sqrt(h)), mean);
    }

    /// <summary>
    /// One ancestral step: a draw from the exact Gaussian posterior of x_s given x_t = x and x₀ = x̂₀ under the linear
    /// forward process, s = tNext &lt; t. With x_t | x_s = a_{t|s}x_s + b_{t|s}z (<see cref="ForwardProcess.Transition"/>):
    /// mean = (a_{t|s}b_s²/b_t²)·x + (a_s b_{t|s}²/b_t²)·x̂₀ and variance b_{t|s}²b_s²/b_t² (Ho et al. 2020, Eq. 6–7).
    /// </summary>
    /// <returns>The next state and the posterior mean.</returns>
    public static (Tensor X, Tensor Mean) AncestralStep(ForwardProcess process, Tensor x, Tensor denoised,
        double t, double tNext, Tensor noise)
    {
        var (aTs, bTs) = process.Transition(tNext, t);
        double bS = process.B(tNext), bT = process.B(t);
        double bT2 = bT * bT;
        var mean = x * (aTs * bS * bS / bT2) + denoised * (process.A(tNext) * bTs * bTs / bT2);
        return (mean + noise * (bTs * bS / bT), mean);
    }

    /// <summary>
    /// One Langevin corrector step x' = x + εs + √(2ε)z with the step size ε = 2α(r·mean‖z‖/mean‖s‖)² of Song et al.
    /// (2021), Appendix G, Algorithms 4–5 (score_sde <c>LangevinCorrector</c>), r the target signal-to-noise ratio and
    /// the norms taken over the event dimensions and averaged over a group of samples.
    /// </summary>
    /// <remarks>
    /// score_sde averages the norms over the whole batch, which makes every sample depend on its batch. Here they are
    /// averaged over fixed groups of <paramref name="groupSize"/> consecutive samples by global index (the noise blocks
    /// of <see cref="NoiseStream"/>, so [j·G, (j+1)·G)), which keeps results independent of the batching whenever
    /// batches consist of whole groups (as <see cref="SamplerRunner"/> arranges). Averaging is essential: with
    /// per-sample norms ε ∝ ‖z‖²/‖s‖² is heavy-tailed (samples near a mode centre have ‖s‖ ≈ 0) and occasionally
    /// flings a sample far away. A group only partly in the batch is averaged over the part present.
    /// </remarks>
    /// <param name="x">The state [B, …].</param>
    /// <param name="score">s(x, t), shape of x.</param>
    /// <param name="noise">Standard normal noise z, shape of x.</param>
    /// <param name="signalToNoiseRatio">r &gt; 0.</param>
    /// <param name="alpha">α &gt; 0 (see <see cref="LangevinStepScaling"/>).</param>
    /// <param name="firstSample">Global index of the batch's first sample.</param>
    /// <param name="groupSize">Samples per averaging group, ≥ 1.</param>
    /// <returns>The corrected state and its noise-free part x + εs.</returns>
    public static (Tensor X, Tensor Mean) LangevinStep(Tensor x, Tensor score, Tensor noise, double signalToNoiseRatio,
        double alpha, long firstSample, long groupSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(groupSize, 1);
        long count = x.shape[0], firstGroup = firstSample / groupSize;
        var group = arange(firstSample, firstSample + count, dtype: ScalarType.Int64, device: x.device).div(groupSize, RoundingMode.floor) - firstGroup;
        long groups = (firstSample + count - 1) / groupSize - firstGroup + 1;
        Tensor GroupMean(Tensor perSample) =>
            (zeros(groups, dtype: ScalarType.Float64, device: x.device).index_add(0, group, perSample, 1.0)
             / zeros(groups, dtype: ScalarType.Float64, device: x.device).index_add(0, group, ones_like(perSample), 1.0)).index_select(0, group);
        var noiseNorm = GroupMean(Shapes.SumEvent(noise.square()).sqrt());
        var scoreNorm = GroupMean(Shapes.SumEvent(score.square()).sqrt()).clamp_min(double.Epsilon);
        var epsilon = Shapes.AppendDims((noiseNorm / scoreNorm * signalToNoiseRatio).square() * (2 * alpha), x.dim());
        var mean = x + epsilon * score;
        return (mean + (epsilon * 2).sqrt() * noise, mean);
    }
}
