namespace ScoreScope.Sampling;

/// <summary>Settings of a <see cref="PredictorCorrectorSampler"/> (score_sde's <c>snr</c>, <c>n_steps_each</c>, predictor).</summary>
/// <param name="SignalToNoiseRatio">The target signal-to-noise ratio r of the Langevin step rule, &gt; 0 (score_sde default 0.16).</param>
/// <param name="CorrectorSteps">Langevin steps at each grid time before the predictor step, ≥ 0 (score_sde default 1).</param>
/// <param name="StepScaling">The factor α of the step size.</param>
/// <param name="Predictor">The predictor.</param>
public sealed record PredictorCorrectorOptions(
    double SignalToNoiseRatio = 0.16,
    int CorrectorSteps = 1,
    LangevinStepScaling StepScaling = LangevinStepScaling.SignalRatio,
    PredictorKind Predictor = PredictorKind.EulerMaruyama);
