namespace ScoreScope.Sampling;

/// <summary>The predictor of a <see cref="PredictorCorrectorSampler"/>.</summary>
public enum PredictorKind
{
    /// <summary>Euler–Maruyama step of the reverse SDE (<see cref="SamplerMath.EulerMaruyamaStep"/>; score_sde <c>EulerMaruyamaPredictor</c>).</summary>
    EulerMaruyama,

    /// <summary>Ancestral step from the exact posterior (<see cref="SamplerMath.AncestralStep"/>; DDPM/SMLD ancestral sampling).</summary>
    Ancestral,
}
