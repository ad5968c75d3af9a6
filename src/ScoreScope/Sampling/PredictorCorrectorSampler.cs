using ScoreScope.Processes;
using ScoreScope.Scores;
using static TorchSharp.torch;

namespace ScoreScope.Sampling;

/// <summary>
/// Predictor–corrector sampling (Song et al. 2021, Algorithm 1; Algorithms 2–3 for VE/VP): at each grid time t_i,
/// <see cref="PredictorCorrectorOptions.CorrectorSteps"/> Langevin corrector steps x ← x + εs + √(2ε)z with
/// ε = 2α(r‖z‖/‖s‖)² (Algorithms 4–5), then one predictor step from t_i to t_{i+1} (Euler–Maruyama reverse diffusion or
/// ancestral).
/// </summary>
/// <remarks>
/// score_sde <c>get_pc_sampler</c> with <c>LangevinCorrector</c>, corrector before predictor, except that the norms in ε
/// are averaged over the noise blocks of the <see cref="NoiseStream"/> instead of the batch (see
/// <see cref="SamplerMath.LangevinStep"/>). With an exact score the unadjusted Langevin step leaves p_t invariant only
/// up to its own O(ε) bias, which does not shrink with more grid steps: for a Gaussian of variance λ in D dimensions
/// the stationary variance is λ/(1 − ε/(2λ)), a relative excess ≈ ε/(2λ) ≈ r²·(mean of 1/λ over directions)⁻¹/λ,
/// up to r² for the narrowest direction (≈ 2.6% at score_sde's r = 0.16). Keep r small when that bias matters.
/// </remarks>
public sealed class PredictorCorrectorSampler : ISampler
{
    /// <summary>Creates the sampler.</summary>
    /// <exception cref="ArgumentOutOfRangeException">For r ≤ 0 or not finite, or a negative number of corrector steps.</exception>
    public PredictorCorrectorSampler(PredictorCorrectorOptions? options = null)
    {
        Options = options ?? new PredictorCorrectorOptions();
        if (!(Options.SignalToNoiseRatio > 0) || !double.IsFinite(Options.SignalToNoiseRatio))
            throw new ArgumentOutOfRangeException(nameof(options), Options.SignalToNoiseRatio, "the signal-to-noise ratio r must be finite and > 0.");
        ArgumentOutOfRangeException.ThrowIfNegative(Options.CorrectorSteps, nameof(options));
    }

    /// <summary>The settings.</summary>
    public PredictorCorrectorOptions Options { get; }

    /// <inheritdoc/>
    public Tensor Sample(IScoreFunction score, ForwardProcess process, Tensor x, IReadOnlyList<double> times,
        NoiseStream? noise, Action<SamplerStep>? onStep = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(noise);
        return SamplerMath.Integrate(process, x, times, cancellationToken, (i, state) =>
        {
            double t = times[i], tNext = times[i + 1];
            double alpha = Options.StepScaling == LangevinStepScaling.Unit ? 1.0 : Math.Pow(process.Transition(tNext, t).A, 2);
            for (int j = 0; j < Options.CorrectorSteps; j++)
            {
                var corrected = SamplerMath.LangevinStep(state, SamplerMath.Score(score, state, t), noise.Next(),
                    Options.SignalToNoiseRatio, alpha, noise.FirstSample, noise.BlockSize);
                state = corrected.X;
            }
            var s = SamplerMath.Score(score, state, t);
            SamplerMath.Report(onStep, process, i, t, state, s);
            return Options.Predictor == PredictorKind.Ancestral
                ? SamplerMath.AncestralStep(process, state, SamplerMath.Denoise(process, state, s, t), t, tNext, noise.Next()).X
                : SamplerMath.EulerMaruyamaStep(process, state, s, t, tNext, noise.Next()).X;
        });
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"predictor–corrector ({Options.Predictor} + {Options.CorrectorSteps}× Langevin, r = {Options.SignalToNoiseRatio})";
}
