namespace ScoreScope.Analysis;

/// <summary>The outcome of an <see cref="EnergyDistanceTest"/>.</summary>
/// <param name="Statistic">The energy distance (V-statistic) of the (sub)samples used, ≥ 0 up to rounding.</param>
/// <param name="PValue">The permutation p-value (1 + #{E_π ≥ E})/(1 + P), in (0, 1].</param>
/// <param name="Permutations">The number P of permutations.</param>
/// <param name="CountX">Samples of the first set used (after subsampling).</param>
/// <param name="CountY">Samples of the second set used (after subsampling).</param>
public sealed record EnergyDistanceResult(double Statistic, double PValue, int Permutations, long CountX, long CountY);
