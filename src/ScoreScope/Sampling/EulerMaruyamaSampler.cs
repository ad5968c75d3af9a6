using ScoreScope.Processes;
using ScoreScope.Scores;
using static TorchSharp.torch;

namespace ScoreScope.Sampling;

/// <summary>
/// Euler–Maruyama integration of the reverse-time SDE dx = [f(t)x − g(t)²∇log p_t(x)] dt + g(t) dw̄
/// (Anderson 1982; Song et al. 2021, Eq. 6): x_{i+1} = x_i − [f x_i − g²s]·h_i + g√h_i·z_i, h_i = t_i − t_{i+1}.
/// Weak order 1.
/// </summary>
/// <remarks>score_sde <c>EulerMaruyamaPredictor</c> with no corrector; one score evaluation and one noise draw per step.</remarks>
public sealed class EulerMaruyamaSampler : ISampler
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
            return SamplerMath.EulerMaruyamaStep(process, state, s, times[i], times[i + 1], noise.Next()).X;
        });
    }

    /// <inheritdoc/>
    public override string ToString() => "Euler–Maruyama (reverse SDE)";
}
