namespace ScoreScope.Correction;

/// <summary>A self-normalised importance-sampling estimate (<see cref="ImportanceWeights.Estimate"/>).</summary>
/// <param name="Name">The observable.</param>
/// <param name="Value">f(Σ w̄ a).</param>
/// <param name="StandardError">The delta-method standard error √(Σ w̄² δ²).</param>
public sealed record ReweightedObservable(string Name, double Value, double StandardError);
