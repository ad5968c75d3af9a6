using ScoreScope.Scores;

namespace ScoreScope.Training;

/// <summary>The resolved configuration of a training run, stored as JSON in every checkpoint.</summary>
/// <param name="Model">The model config (with σ_data resolved).</param>
/// <param name="Training">The training options.</param>
/// <param name="Data">A description of the training data.</param>
/// <param name="Loss">A description of the loss actually used (it may be a custom loss object).</param>
/// <param name="Version">The ScoreScope version that wrote it.</param>
public sealed record TrainingRunConfig(ScoreModelConfig Model, TrainingOptions Training, string Data, string Loss, string Version);
