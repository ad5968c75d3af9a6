using ScoreScope.Analysis;

namespace ScoreScope.Experiments.Singular;

/// <summary>One row of comparison.csv: one trained model's samples (with or without the final projection).</summary>
/// <param name="Manifold">circle or sphere.</param>
/// <param name="Parametrisation">noise, score or data.</param>
/// <param name="FinalProjection">Whether the samples are x̂₀(x_{t_min}) rather than x_{t_min}.</param>
/// <param name="Pollution">dist(x, M) summary with bootstrap errors (null when every sample is non-finite).</param>
/// <param name="NonFinite">Samples with a non-finite coordinate.</param>
/// <param name="Angular">KS test of the angle (circle) or of the height z (S², uniform by Archimedes) against uniform.</param>
/// <param name="ErrorAtMinimum">Relative score error at the smallest τ of the error curve.</param>
/// <param name="ErrorAtOne">Relative score error at τ = 1.</param>
/// <param name="TrainSeconds">Wall time of training.</param>
/// <param name="HeldOutLoss">The EMA model's held-out training objective (the same ε-loss for every parametrisation, on the same
/// held-out data, times and noise; NaN for the exact reference).</param>
internal sealed record SingularComparisonRow(
    string Manifold, string Parametrisation, bool FinalProjection, PollutionEstimate? Pollution, int NonFinite,
    KolmogorovSmirnovResult? Angular, ScoreScope.Training.ScoreErrorPoint ErrorAtMinimum, ScoreScope.Training.ScoreErrorPoint ErrorAtOne,
    double TrainSeconds, double HeldOutLoss);
