using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Scores;
using static TorchSharp.torch;

namespace ScoreScope.Sampling;

/// <summary>
/// Heun's method (explicit trapezoidal rule) for the probability-flow ODE dx/dt = v(x, t) = f(t)x − ½g(t)²∇log p_t(x)
/// (Song et al. 2021, Eq. 13): x̃ = x_i + h·v(x_i, t_i), x_{i+1} = x_i + ½h·[v(x_i, t_i) + v(x̃, t_{i+1})],
/// h = t_{i+1} − t_i. Deterministic, global order 2, two score evaluations per step.
/// </summary>
/// <remarks>
/// Karras et al. (2022), Algorithm 1 (deterministic sampler with Heun's 2nd-order method), in diffusion time rather
/// than σ; k-diffusion <c>sample_heun</c> without churn; EDM <c>edm_sampler</c> with S_churn = 0. Since t_min &gt; 0
/// the correction is applied on the last step too.
/// </remarks>
public sealed class ProbabilityFlowHeunSampler : ISampler
{
    /// <inheritdoc/>
    public Tensor Sample(IScoreFunction score, ForwardProcess process, Tensor x, IReadOnlyList<double> times,
        NoiseStream? noise, Action<SamplerStep>? onStep = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(score);
        return SamplerMath.Integrate(process, x, times, cancellationToken, (i, state) =>
        {
            double t = times[i], tNext = times[i + 1], h = tNext - t;
            var s = SamplerMath.Score(score, state, t);
            SamplerMath.Report(onStep, process, i, t, state, s);
            var velocity = process.ProbabilityFlowDrift(state, t, s);
            var predicted = state.Add(velocity.Multiply(h));
            var velocityNext = process.ProbabilityFlowDrift(predicted, tNext, SamplerMath.Score(score, predicted, tNext));
            return state.Add(velocity.Add(velocityNext).Multiply(0.5 * h));
        });
    }

    /// <inheritdoc/>
    public override string ToString() => "Heun (probability-flow ODE)";
}
