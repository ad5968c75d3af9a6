namespace ScoreScope.Training;

/// <summary>
/// The relative score error at one time: E‖s_θ − s*‖²/E‖s*‖² under p_t, estimated as a ratio of sample means, with its
/// delta-method standard error.
/// </summary>
/// <param name="Time">t.</param>
/// <param name="RelativeError">Σ‖s_θ − s*‖² / Σ‖s*‖² over the samples.</param>
/// <param name="StandardError">The delta-method standard error of the ratio.</param>
/// <param name="SampleCount">The number of samples x_t ~ p_t.</param>
public readonly record struct ScoreErrorPoint(double Time, double RelativeError, double StandardError, long SampleCount);
