using ScoreScope.Processes;
using ScoreScope.Scores;
using static TorchSharp.torch;

namespace ScoreScope.Sampling;

/// <summary>
/// Ancestral sampling: each step draws x_{i+1} from the exact Gaussian posterior q(x_s | x_t = x_i, x₀ = x̂₀) of the
/// linear forward process (s = t_{i+1}, t = t_i), with x̂₀ = (x + b_t²s(x, t))/a_t the Tweedie estimate. For a VP
/// process this is DDPM's ancestral sampler (Ho et al. 2020, Algorithm 2, with the posterior mean μ̃ of Eq. 7 and
/// variance σ² = β̃); for VE it is SMLD's ancestral sampler (Song et al. 2021, Appendix F).
/// </summary>
/// <remarks>
/// Valid for any linear process (<see cref="SamplerMath.AncestralStep"/>); score_sde <c>AncestralSamplingPredictor</c>
/// (which uses σ² = β for VP). One score evaluation and one noise draw per step. Plugging the point estimate x̂₀ into
/// the posterior ignores Var(x₀ | x_t), so the sampler underestimates the variance by O(step) (Bao et al. 2022,
/// Analytic-DPM); it needs more steps than Euler–Maruyama for the same accuracy.
/// </remarks>
public sealed class AncestralSampler : ISampler
{
    /// <inheritdoc/>
    public Tensor Sample(IScoreFunction score, ForwardProcess process, Tensor x, IReadOnlyList<double> times,
        NoiseStream? noise, Action<SamplerStep>? onStep = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(noise);
        return SamplerMath.Integrate(process, x, times, cancellationToken, (i, state) =>
        {
            var s = SamplerMath.Score(score, state, times[i]);
            SamplerMath.Report(onStep, process, i, times[i], state, s);
            var denoised = SamplerMath.Denoise(process, state, s, times[i]);
            return SamplerMath.AncestralStep(process, state, denoised, times[i], times[i + 1], noise.Next()).X;
        });
    }

    /// <inheritdoc/>
    public override string ToString() => "ancestral (exact posterior)";
}
