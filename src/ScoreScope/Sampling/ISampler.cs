using ScoreScope.Processes;
using ScoreScope.Scores;
using static TorchSharp.torch;

namespace ScoreScope.Sampling;

/// <summary>
/// A fixed-grid sampler of the reverse-time dynamics of a <see cref="ForwardProcess"/> driven by a score
/// (k-diffusion's <c>sample_*</c> functions; Song et al. 2021). It integrates one batch from times[0] down to
/// times[^1]; <see cref="SamplerRunner"/> adds batching, seeding, the prior draw and final denoising.
/// </summary>
public interface ISampler
{
    /// <summary>
    /// Runs the sampler on one batch. The state is float64 and every score call receives it in float64.
    /// </summary>
    /// <param name="score">The score s(x, t).</param>
    /// <param name="process">The forward process whose reversal is simulated.</param>
    /// <param name="x">The state at times[0], [B, …event] (any floating dtype; copied to float64, never modified).</param>
    /// <param name="times">Strictly decreasing times in [0, T], at least two (see <see cref="TimeGrid"/>).</param>
    /// <param name="noise">The batch's noise (required by stochastic samplers, ignored by deterministic ones).</param>
    /// <param name="onStep">Called at the start of every step; its tensors are valid only during the call.</param>
    /// <param name="cancellationToken">Checked before every step.</param>
    /// <returns>A fresh float64 tensor, the state at times[^1], shape of x.</returns>
    /// <exception cref="ArgumentException">For an invalid time grid.</exception>
    /// <exception cref="ArgumentNullException">When a stochastic sampler gets no noise.</exception>
    /// <exception cref="OperationCanceledException">When cancelled.</exception>
    Tensor Sample(IScoreFunction score, ForwardProcess process, Tensor x, IReadOnlyList<double> times,
        NoiseStream? noise, Action<SamplerStep>? onStep = null, CancellationToken cancellationToken = default);
}
