using ScoreScope.Numerics;
using ScoreScope.Processes;
using ScoreScope.Scores;
using static TorchSharp.torch;

namespace ScoreScope.Sampling;

/// <summary>
/// Explicit Euler integration of the probability-flow ODE dx/dt = f(t)x − ½g(t)²∇log p_t(x) (Song et al. 2021,
/// Eq. 13): x_{i+1} = x_i + (t_{i+1} − t_i)·v(x_i, t_i). Deterministic, global order 1.
/// </summary>
/// <remarks>k-diffusion <c>sample_euler</c> (without churn), in diffusion time; Karras et al. (2022), Algorithm 1 with Euler steps.</remarks>
public sealed class ProbabilityFlowEulerSampler : ISampler
{
    /// <inheritdoc/>
    public Tensor Sample(IScoreFunction score, ForwardProcess process, Tensor x, IReadOnlyList<double> times,
        NoiseStream? noise, Action<SamplerStep>? onStep = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(score);
        return SamplerMath.Integrate(process, x, times, cancellationToken, (i, state) =>
        {
            var s = SamplerMath.Score(score, state, times[i]);
            SamplerMath.Report(onStep, process, i, times[i], state, s);
            return state.Add(process.ProbabilityFlowDrift(state, times[i], s).Multiply(times[i + 1] - times[i]));
        });
    }

    /// <inheritdoc/>
    public override string ToString() => "Euler (probability-flow ODE)";
}
