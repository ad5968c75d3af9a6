namespace ScoreScope.Semigroups;

/// <summary>What <see cref="TorusDenoisingTrainer.Train"/> returns.</summary>
/// <param name="Model">The trained model (owned by the caller: dispose it).</param>
/// <param name="Losses">The mini-batch loss of every iteration (the warm-start regression loss for the first iterations of a warm start).</param>
/// <param name="StepsPerSecond">Training throughput.</param>
public sealed record TorusDenoisingResult(TorusResidualScore Model, IReadOnlyList<double> Losses, double StepsPerSecond);
